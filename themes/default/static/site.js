// Progressive enhancements; every page works without them.
(function () {
  "use strict";
  var root = new URL("..", document.currentScript.src);

  // Remember a language picked by hand, so the next plaque scanned opens in it.
  document.querySelectorAll("a[data-lang]").forEach(function (link) {
    link.addEventListener("click", function () {
      try { localStorage.setItem("ditich-lang", link.dataset.lang); } catch (e) {}
    });
  });

  // The plaque-code box goes straight to the relic's landing page.
  var form = document.querySelector("form.code-box");
  if (form) {
    form.addEventListener("submit", function (event) {
      var code = form.elements.code.value.trim().toUpperCase().replace(/[^A-Z0-9]/g, "");
      if (code) {
        event.preventDefault();
        location.href = new URL("Q/" + code + "/", root).href;
      }
    });
  }

  // Arriving at the list of codes from the code box without script: go on to the one asked for.
  var list = document.querySelector("ul.codes[data-codes]");
  var asked = (new URLSearchParams(location.search).get("code") || "").toUpperCase().replace(/[^A-Z0-9]/g, "");
  if (list && asked && JSON.parse(list.dataset.codes).indexOf(asked) >= 0) {
    location.replace(asked + "/");
  }

  // A plaque address typed in the wrong case (`Q/dt01/`, `q/DT01`) is missing on a server that
  // tells case apart, and so is `q/dt01/` there when the site was built on a Windows disk: go
  // on to the landing page, whose folder is in capitals.
  if (document.querySelector("[data-not-found]") && location.pathname.indexOf(root.pathname) === 0) {
    var typed = /^q\/([a-z0-9]{2,12})(\/(index\.html)?)?$/i.exec(location.pathname.slice(root.pathname.length));
    var landing = typed && new URL("Q/" + typed[1].toUpperCase() + "/", root);
    // An unknown code in capitals is already where it would be sent.
    if (landing && landing.pathname !== location.pathname) {
      location.replace(landing.href);
    }
  }

  // Keep the guide readable offline after the first visit. The service worker stores the
  // pages; the photos this page shows, at the width the phone picked, are handed to it once
  // loaded, unless the visitor asked to save data.
  if ("serviceWorker" in navigator && location.protocol !== "file:") {
    navigator.serviceWorker.register(new URL("sw.js", root).href, { scope: root.pathname });
    if (!(navigator.connection && navigator.connection.saveData)) {
      window.addEventListener("load", function () {
        var shown = [].filter.call(document.querySelectorAll("img[srcset]"), function (img) {
          return img.complete && img.naturalWidth > 0;
        }).map(function (img) { return img.currentSrc; });
        if (shown.length) {
          navigator.serviceWorker.ready.then(function (registration) {
            registration.active.postMessage({ shown: shown });
          });
        }
      });
    }
  }

  // An audio guide played once stays available offline.
  document.querySelectorAll("audio[data-cache]").forEach(function (audio) {
    audio.addEventListener("play", function () {
      if (window.caches) {
        caches.open(audio.dataset.cache).then(function (cache) { return cache.add(audio.currentSrc || audio.src); }).catch(function () {});
      }
    }, { once: true });
  });
})();
