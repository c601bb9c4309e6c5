// The service worker: after the first visit the guide stays readable without a connection.
// Version {{ version }}; a new build changes it and replaces the cached copy.
"use strict";
const PAGES = "ditich-{{ version }}";
const AUDIO = "ditich-audio";
const PRECACHE = {{ precache | safe }};

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(PAGES).then((cache) => cache.addAll(PRECACHE)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((n) => n !== PAGES && n !== AUDIO).map((n) => caches.delete(n))))
      .then(() => self.clients.claim())
  );
});

// The photos a page showed before this worker ran, at the width the phone picked from their
// srcset: stored so that the page reloads offline whole, without fetching every width of every
// photo over a metered connection. Photos viewed later are stored as they are fetched.
self.addEventListener("message", (event) => {
  const photos = event.data && event.data.shown;
  if (!Array.isArray(photos)) return;
  event.waitUntil(caches.open(PAGES).then((cache) => Promise.all(photos
    .map((photo) => new URL(photo, location.href))
    .filter((url) => url.origin === location.origin)
    .map((url) => cache.match(url).then((cached) => cached || cache.add(url)).catch(() => {})))));
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== location.origin) return;
  // Audio is cached whole when first played; a range request is answered from that copy.
  const url = request.url.split("#")[0];
  event.respondWith(
    caches.match(url, { ignoreSearch: request.mode === "navigate" }).then((cached) => {
      if (cached) return cached;
      return fetch(request).then((response) => {
        if (response.ok && response.status === 200 && request.headers.get("range") === null) {
          const copy = response.clone();
          caches.open(PAGES).then((cache) => cache.put(request, copy));
        }
        return response;
      }).catch(() => caches.match(new URL("404.html", self.registration.scope).href));
    })
  );
});
