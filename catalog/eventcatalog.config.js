// EventCatalog site of Fulfilment's messages. The content beside this file (domains/, services/, channels/,
// events/, commands/, queries/, teams/) is generated from docs/catalog/asyncapi.yaml by `npm run generate` and
// not committed. Build: `npm ci && npm run build` in this folder (README, "Event catalogue").
/** @type {import('@eventcatalog/core/bin/eventcatalog.config').Config} */
export default {
  // EventCatalog writes a random cId into this file when it has none; a fixed one keeps the file unchanged.
  cId: '5a0c7d1e-3f64-4b2a-9c1e-0f7d2b8a6e41',
  title: 'Fulfilment event catalogue',
  tagline: 'The commands, query and events of Fulfilment, generated from the code (Fulfilment.Contracts).',
  organizationName: 'Fulfilment',
  // GitHub Pages serves a project site under /<repository>/: the workflow sets CATALOG_BASE.
  base: process.env.CATALOG_BASE ?? '/',
  trailingSlash: false,
  output: 'static',
  outDir: 'dist',
  port: 3000,
  rss: { enabled: false },
  llmsTxt: { enabled: false },
  docs: { sidebar: { type: 'TREE_VIEW' } },
};
