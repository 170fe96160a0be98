// Every page is prerendered to static HTML by adapter-static; there is no server.
export const prerender = true;
export const ssr = true;
// 'never' makes /about prerender to about.html, which any static host serves.
export const trailingSlash = 'never';
