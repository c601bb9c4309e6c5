// While previewing, pages must come fresh from `ditich serve`, not from the offline copy a
// service worker keeps: this worker removes itself and whatever an earlier one stored.
self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys()
      .then(function (keys) { return Promise.all(keys.map(function (k) { return caches.delete(k); })); })
      .then(function () { return self.registration.unregister(); })
  );
});
