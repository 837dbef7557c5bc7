// Preloaded into every Node process of the site build (NODE_OPTIONS=--import). @eventcatalog/core 3.48.4 posts
// a usage event on every build and honours no switch to stop it (it ignores DO_NOT_TRACK and
// EVENTCATALOG_TELEMETRY_DISABLED, which the build sets anyway for later versions): requests to its analytics
// hosts are answered here with 204 and never leave the machine. Everything else goes through untouched.
const analyticsHosts = new Set(['queue.simpleanalyticscdn.com', 'api.ecingest.dev']);
const fetchThrough = globalThis.fetch;

globalThis.fetch = (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  return analyticsHosts.has(url.hostname)
    ? Promise.resolve(new Response(null, { status: 204 }))
    : fetchThrough(input, init);
};
