// Reloads the page when `ditich serve` has rebuilt the site. The server holds each request
// open until the build it knows of changes, so an idle tab costs nothing.
(function () {
  "use strict";
  var seen = new URL(document.currentScript.src).searchParams.get("v");
  function wait() {
    fetch("/__ditich/wait?since=" + seen, { cache: "no-store" })
      .then(function (response) { return response.text(); })
      .then(function (version) {
        if (version !== seen) {
          location.reload();
        } else {
          wait();
        }
      })
      .catch(function () { setTimeout(wait, 1000); });
  }
  wait();
})();
