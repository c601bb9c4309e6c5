// The kiosk shows one relic at a time, moving on by itself: public boards get no input.
// Visitors who asked for less motion get every relic one under the other, still (kiosk.css).
// Once an hour it fetches its own page again and swaps in the new slides, so a board picks up
// a rebuilt guide without a <meta http-equiv="refresh"> (which reloads the whole page under
// the reader, and shows an error page on a board that lost its connection).
(function () {
  "use strict";
  var SLIDE_MS = 12000;
  var REFRESH_MS = 3600000;
  var still = window.matchMedia ? window.matchMedia("(prefers-reduced-motion: reduce)") : { matches: false };
  var current = 0;
  var timer = null;

  function slides() { return document.querySelectorAll(".slide"); }

  function next() {
    var all = slides();
    if (all.length < 2) return;
    all[current % all.length].classList.remove("active");
    current = (current + 1) % all.length;
    all[current].classList.add("active");
  }

  function start() {
    clearInterval(timer);
    timer = null;
    if (!still.matches && slides().length > 1) timer = setInterval(next, SLIDE_MS);
  }

  function refresh() {
    if (!window.fetch || !window.DOMParser) return;
    fetch(location.href, { cache: "no-cache" })
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html").querySelector("main");
        var old = document.querySelector("main");
        if (!fresh || !old || !fresh.querySelector(".slide") || fresh.innerHTML === old.innerHTML) return;
        old.replaceWith(document.adoptNode(fresh));
        current = 0;
        start();
      })
      .catch(function () {});  // Offline: keep showing what is there.
  }

  if (still.addEventListener) still.addEventListener("change", start);
  start();
  setInterval(refresh, REFRESH_MS);
})();
