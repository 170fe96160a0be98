/**
 * Offline after the first visit: the app's own files are cached at install and served from the cache; nothing
 * else is ever fetched (the page talks to no server but its own).
 */

/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/// <reference types="@sveltejs/kit" />

import { build, files, prerendered, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `sigscope-${version}`;
const ASSETS = [...build, ...files, ...prerendered];

sw.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(ASSETS))
      .then(() => sw.skipWaiting()),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
      .then(() => sw.clients.claim()),
  );
});

sw.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== sw.location.origin) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      // `/` and `/index.html` are the same prerendered page.
      const key = url.pathname === '/' ? '/' : url.pathname;
      const cached = (await cache.match(key)) ?? (await cache.match(request, { ignoreSearch: true }));
      if (cached) return cached;
      try {
        const response = await fetch(request);
        if (response.ok && response.type === 'basic') void cache.put(request, response.clone());
        return response;
      } catch (error) {
        const fallback =
          url.pathname.endsWith('/') || !url.pathname.includes('.') ? await cache.match('/') : undefined;
        if (fallback) return fallback;
        throw error;
      }
    })(),
  );
});
