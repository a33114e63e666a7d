// SPDX-License-Identifier: GPL-3.0-or-later
// The centre writes the address of its call server here, e.g.
// "wss://visio.example.org/janus". A "server" parameter in the page's
// address wins over it.
window.ESCALE_CALL_SERVER = "";
window.ESCALE_ICE_SERVERS = [];
