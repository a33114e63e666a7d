// SPDX-License-Identifier: GPL-3.0-or-later
// The family's side of an Escale video call: type the code the kiosk shows,
// join its Janus videoroom, send camera and microphone, show the kiosk.
// Nothing is stored: no cookie, no local storage, no history.
"use strict";

(function () {
  const params = new URLSearchParams(window.location.search);
  const server = params.get("server") || window.ESCALE_CALL_SERVER;
  const codeInput = document.getElementById("code");
  const joinButton = document.getElementById("join");
  const hangupButton = document.getElementById("hangup");
  const createButton = document.getElementById("create");
  const madeBox = document.getElementById("made");
  const madeCode = document.getElementById("made-code");
  const status = document.getElementById("status");
  const remoteVideo = document.getElementById("remote");
  const localVideo = document.getElementById("local");
  let janus = null;
  let publisher = null;
  let subscriber = null;
  let myId = null;
  let remoteFeed = null;
  let remoteStream = null;
  let currentRoom = null;
  let madeRoom = null;

  function say(text) {
    status.textContent = text;
  }

  function showCall(shown) {
    document.getElementById("start").hidden = shown;
    document.getElementById("call").hidden = !shown;
  }

  function stop(message) {
    if (janus) {
      const j = janus;
      janus = null;
      j.destroy({ cleanupHandles: true });
    }
    publisher = subscriber = null;
    myId = remoteFeed = null;
    remoteStream = null;
    remoteVideo.srcObject = null;
    localVideo.srcObject = null;
    showCall(false);
    madeBox.hidden = true;
    madeRoom = null;
    joinButton.disabled = createButton.disabled = false;
    say(message);
  }

  function subscribeTo(feed, room) {
    if (remoteFeed !== null)
      return;
    remoteFeed = feed;
    janus.attach({
      plugin: "janus.plugin.videoroom",
      success: function (handle) {
        subscriber = handle;
        subscriber.send({ message: { request: "join", ptype: "subscriber", room: room,
                                     private_id: myId, streams: [{ feed: feed }] } });
      },
      error: function () { stop("L'appel n'a pas pu commencer. Réessayez dans un moment."); },
      onmessage: function (msg, jsep) {
        if (jsep) {
          subscriber.createAnswer({
            jsep: jsep,
            tracks: [],
            success: function (answer) {
              subscriber.send({ message: { request: "start", room: room }, jsep: answer });
            },
            error: function () { stop("L'appel n'a pas pu commencer. Réessayez dans un moment."); }
          });
        }
      },
      onremotetrack: function (track, mid, on) {
        if (!on)
          return;
        if (!remoteStream) {
          remoteStream = new MediaStream();
          remoteVideo.srcObject = remoteStream;
        }
        remoteStream.addTrack(track);
        remoteVideo.play().catch(function () {});
        say("Vous êtes en communication.");
      }
    });
  }

  function dropSubscriber() {
    if (subscriber)
      subscriber.detach();
    subscriber = null;
    remoteFeed = null;
    remoteStream = null;
    remoteVideo.srcObject = null;
  }

  function onPublisherMessage(msg, jsep, room) {
    const event = msg.videoroom;
    if (msg.error_code === 426) {
      stop("Ce code ne correspond à aucun appel. Vérifiez les 6 chiffres avec votre proche.");
      return;
    }
    if (msg.error_code) {
      stop("L'appel n'a pas pu commencer. Réessayez dans un moment.");
      return;
    }
    if (event === "joined") {
      myId = msg.id;
      showCall(true);
      say("Votre proche va apparaître dans un instant.");
      publisher.createOffer({
        tracks: [{ type: "audio", capture: true, recv: false },
                 { type: "video", capture: true, recv: false }],
        success: function (offer) {
          publisher.send({ message: { request: "configure", audio: true, video: true },
                           jsep: offer });
        },
        error: function () {
          stop("La caméra ou le micro de cet appareil n'est pas disponible.");
        }
      });
    }
    if (event === "destroyed") {
      stop("Votre proche a raccroché. À bientôt !");
      return;
    }
    if (msg.publishers) {
      for (const p of msg.publishers) {
        if (p.id !== myId) {
          subscribeTo(p.id, room);
          break;
        }
      }
    }
    if ((msg.leaving && msg.leaving === remoteFeed) ||
        (msg.unpublished && msg.unpublished === remoteFeed)) {
      dropSubscriber();
      say("Votre proche a quitté l'appel. Vous pouvez raccrocher.");
    }
    if (jsep)
      publisher.handleRemoteJsep({ jsep: jsep });
  }

  // Connects to the call server and attaches to the videoroom; then() gets
  // the publisher handle and the room number once known.
  function connect(room, then) {
    if (!server) {
      say("Cette page n'est pas encore prête. Prévenez le centre qui vous l'a donnée.");
      return;
    }
    joinButton.disabled = createButton.disabled = true;
    say("Connexion…");
    janus = new Janus({
      server: server,
      iceServers: window.ESCALE_ICE_SERVERS || [],
      success: function () {
        janus.attach({
          plugin: "janus.plugin.videoroom",
          success: function (handle) {
            publisher = handle;
            then(handle);
          },
          error: function () { stop("L'appel n'a pas pu commencer. Réessayez dans un moment."); },
          onmessage: function (msg, jsep) { onPublisherMessage(msg, jsep, currentRoom); },
          onlocaltrack: function (track, on) {
            if (on && track.kind === "video")
              localVideo.srcObject = new MediaStream([track]);
          }
        });
      },
      error: function () {
        stop("Le service d'appel ne répond pas. Réessayez dans un moment.");
      }
    });
  }

  function joinRoom(handle, room) {
    currentRoom = room;
    handle.send({ message: { request: "join", ptype: "publisher", room: room,
                             display: "famille" } });
  }

  function join() {
    const code = codeInput.value.replace(/\D/g, "");
    if (code.length !== 6) {
      say("Le code a 6 chiffres. Vérifiez-le avec votre proche.");
      return;
    }
    madeRoom = null;
    connect(parseInt(code, 10), function (handle) { joinRoom(handle, parseInt(code, 10)); });
  }

  // A fresh room with a random 6-digit code and a random secret, destroyed
  // when this page hangs up. The code is shown to read out to the kiosk.
  function makeRoom(handle, tries) {
    const random = new Uint32Array(5);
    crypto.getRandomValues(random);
    const room = 100000 + random[0] % 900000;
    const secret = Array.from(random.slice(1), function (n) {
      return n.toString(16).padStart(8, "0");
    }).join("");
    handle.send({
      message: { request: "create", room: room, secret: secret, is_private: true,
                 permanent: false, publishers: 3, audiocodec: "opus", videocodec: "vp8" },
      success: function (result) {
        if (result && result.videoroom === "created") {
          madeRoom = { room: room, secret: secret };
          const code = String(room);
          madeCode.textContent = code.slice(0, 3) + " " + code.slice(3);
          madeBox.hidden = false;
          joinRoom(handle, room);
        } else if (result && result.error_code === 427 && tries < 8) {
          makeRoom(handle, tries + 1);
        } else {
          stop("L'appel n'a pas pu commencer. Réessayez dans un moment.");
        }
      },
      error: function () { stop("L'appel n'a pas pu commencer. Réessayez dans un moment."); }
    });
  }

  function create() {
    connect(0, function (handle) { makeRoom(handle, 0); });
  }

  function hangUp() {
    if (madeRoom && publisher) {
      const handle = publisher;
      const room = madeRoom;
      madeRoom = null;
      handle.send({
        message: { request: "destroy", room: room.room, secret: room.secret },
        success: function () { stop("Appel terminé. À bientôt !"); },
        error: function () { stop("Appel terminé. À bientôt !"); }
      });
      return;
    }
    stop("Appel terminé. À bientôt !");
  }

  Janus.init({
    debug: false,
    dependencies: Janus.useDefaultDependencies(),
    callback: function () {
      joinButton.addEventListener("click", join);
      createButton.addEventListener("click", create);
      hangupButton.addEventListener("click", hangUp);
      const code = params.get("code");
      if (code)
        codeInput.value = code.replace(/\D/g, "").slice(0, 6);
      window.escaleFamilyReady = true;
    }
  });
})();
