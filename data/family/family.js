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
  const status = document.getElementById("status");
  const remoteVideo = document.getElementById("remote");
  const localVideo = document.getElementById("local");
  let janus = null;
  let publisher = null;
  let subscriber = null;
  let myId = null;
  let remoteFeed = null;
  let remoteStream = null;

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
    joinButton.disabled = false;
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

  function join() {
    const code = codeInput.value.replace(/\D/g, "");
    if (code.length !== 6) {
      say("Le code a 6 chiffres. Vérifiez-le avec votre proche.");
      return;
    }
    if (!server) {
      say("Cette page n'est pas encore prête. Prévenez le centre qui vous l'a donnée.");
      return;
    }
    const room = parseInt(code, 10);
    joinButton.disabled = true;
    say("Connexion…");
    janus = new Janus({
      server: server,
      iceServers: window.ESCALE_ICE_SERVERS || [],
      success: function () {
        janus.attach({
          plugin: "janus.plugin.videoroom",
          success: function (handle) {
            publisher = handle;
            publisher.send({ message: { request: "join", ptype: "publisher", room: room,
                                        display: "famille" } });
          },
          error: function () { stop("L'appel n'a pas pu commencer. Réessayez dans un moment."); },
          onmessage: function (msg, jsep) { onPublisherMessage(msg, jsep, room); },
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

  Janus.init({
    debug: false,
    dependencies: Janus.useDefaultDependencies(),
    callback: function () {
      joinButton.addEventListener("click", join);
      hangupButton.addEventListener("click", function () {
        stop("Appel terminé. À bientôt !");
      });
      const code = params.get("code");
      if (code)
        codeInput.value = code.replace(/\D/g, "").slice(0, 6);
      window.escaleFamilyReady = true;
    }
  });
})();
