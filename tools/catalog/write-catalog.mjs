// Validates the AsyncAPI document (validate-asyncapi.mjs), then writes the EventCatalog content of Fulfilment
// from it through @eventcatalog/sdk: the domain, its services and the systems outside it with what each sends and
// receives, the channels, and the messages with their schemas. Everything it writes is generated: the folders
// below are emptied first, so a message removed from the code disappears from the catalogue.
// Usage: node tools/catalog/write-catalog.mjs [catalog directory, default artifacts/catalog] [asyncapi.yaml]
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import utils from '@eventcatalog/sdk';
import { defaultDocument, parseValidated, root } from './validate-asyncapi.mjs';

const catalog = path.resolve(process.argv[2] ?? path.join(root, 'artifacts/catalog'));
const source = path.resolve(process.argv[3] ?? defaultDocument);
const document = await parseValidated(source);
const text = await readFile(source, 'utf8');
const generated = ['domains', 'services', 'channels', 'events', 'commands', 'queries', 'teams'];

const team = 'fulfilment';
const domain = 'fulfilment';

for (const folder of generated) {
  await rm(path.join(catalog, folder), { recursive: true, force: true });
}
const sdk = utils(catalog);
const version = document.info().version();

// MDX reads { } as code and < as a tag: text from the document is escaped before it goes into a page body (code
// spans, which MDX leaves alone, are not).
const mdx = (value) => (value ?? '').replace(/[{}<>]/g, (c) => `&#${c.charCodeAt(0)};`);
const kindOf = (message) => message.extensions().get('x-message-kind')?.value();
// A payload as written in the document: the draft-07 schema itself, without the parser's x-parser-* annotations.
const plain = (node) => Array.isArray(node) ? node.map(plain)
  : node && typeof node === 'object'
    ? Object.fromEntries(Object.entries(node).filter(([key]) => !key.startsWith('x-parser-')).map(([key, value]) => [key, plain(value)]))
    : node;
const schemaOf = (message) => {
  const payload = plain(message.payload().json());
  return payload.schemaFormat ? payload.schema : payload;
};
const tagOf = (operation) => operation.tags().all()[0].name();

// Catalogue messages (x-message-kind), keyed by wire name; the component whose id is the wire name holds the schema.
const messages = new Map();
for (const message of document.components().messages().all()) {
  const kind = kindOf(message);
  if (!kind) continue;
  const entry = messages.get(message.name()) ?? { kind, channels: new Set(), senders: new Set(), receivers: new Set() };
  if (message.id() === message.name()) entry.message = message;
  messages.set(message.name(), entry);
}

// Who sends and receives what, on which channel: one pointer per message, listing every channel.
const participants = new Map(document.info().tags().all().map((tag) => [tag.name(), { tag, sends: new Map(), receives: new Map() }]));
for (const operation of document.operations().all()) {
  const participant = participants.get(tagOf(operation));
  const channel = operation.channels().all()[0].id();
  const direction = operation.action() === 'send' ? participant.sends : participant.receives;
  for (const message of operation.messages().all()) {
    const entry = messages.get(message.name());
    if (!entry || !kindOf(message)) continue;
    entry.channels.add(channel);
    (operation.action() === 'send' ? entry.senders : entry.receivers).add(participant.tag.extensions().get('x-display-name').value());
    const pointer = direction.get(message.name()) ?? { id: message.name(), version, channels: new Set() };
    pointer.channels.add(channel);
    direction.set(message.name(), pointer);
  }
}

await sdk.writeTeam({
  id: team,
  name: 'Fulfilment team',
  summary: 'Builds and runs Fulfilment: Inventory, Warehouse, Shipping and the order workflow.',
  markdown: 'Owns Fulfilment and this catalogue, which is generated from the code (see the repository README, "Event catalogue").',
});

const internal = [];
for (const { tag, sends, receives } of participants.values()) {
  const external = tag.extensions().get('x-external').value();
  if (!external) internal.push({ id: tag.name(), version });
  const pointers = (map, key) => [...map.values()].map(({ id, channels }) => ({ id, version, [key]: [...channels].map((c) => ({ id: c })) }));
  await sdk.writeService({
    id: tag.name(),
    name: tag.extensions().get('x-display-name').value(),
    version,
    summary: tag.description(),
    owners: [team],
    badges: [external ? { content: 'Outside Fulfilment', backgroundColor: 'gray', textColor: 'gray' } : { content: 'Fulfilment', backgroundColor: 'blue', textColor: 'blue' }],
    sends: pointers(sends, 'to'),
    receives: pointers(receives, 'from'),
    ...(external ? {} : { specifications: [{ type: 'asyncapi', path: 'asyncapi.yaml', name: 'Fulfilment (AsyncAPI)' }] }),
    markdown: [
      '## Overview', '', mdx(tag.description()), '',
      '<MessageTable format="all" />', '',
      '## Architecture diagram', '', '<NodeGraph />', '',
    ].join('\n'),
  });
  if (!external) await sdk.addFileToService(tag.name(), { fileName: 'asyncapi.yaml', content: text });
}

await sdk.writeDomain({
  id: domain,
  name: 'Fulfilment',
  version,
  summary: 'Gets a confirmed order to the customer: reserves stock, has the warehouse pick and pack it, hands it to a carrier, follows the delivery, and compensates when something fails.',
  owners: [team],
  services: internal,
  markdown: ['## Overview', '', mdx(document.info().description()), '', '## Architecture diagram', '', '<NodeGraph />', ''].join('\n'),
});

for (const channel of document.channels().all()) {
  const protocols = [...new Set(channel.servers().all().map((server) => server.protocol()))];
  const parameters = Object.fromEntries(channel.parameters().all().map((p) => [p.id(), { description: p.description() }]));
  const serviceBus = channel.extensions().get('x-service-bus')?.value();
  const facts = serviceBus
    ? [`| Service Bus entity | ${serviceBus.entity} |`, ...(serviceBus.subscriptions?.length ? [`| Fulfilment's subscriptions | ${serviceBus.subscriptions.join(', ')} |`] : [])]
    : [`| Server | ${channel.servers().all().map((s) => `\`${s.protocol()}://${s.host()}${s.pathname() ?? ''}\``).join(', ')} |`];
  await sdk.writeChannel({
    id: channel.id(),
    name: channel.id(),
    version,
    address: channel.address(),
    protocols,
    summary: channel.description(),
    owners: [team],
    ...(Object.keys(parameters).length ? { parameters } : {}),
    markdown: ['## Overview', '', mdx(channel.description()), '', '| | |', '|---|---|', `| Address | \`${channel.address()}\` |`, ...facts, ''].join('\n'),
  });
}

const writers = {
  command: [sdk.writeCommand, sdk.addSchemaToCommand],
  event: [sdk.writeEvent, sdk.addSchemaToEvent],
  query: [sdk.writeQuery, sdk.addSchemaToQuery],
};
for (const [id, { kind, message, channels, senders, receivers }] of messages) {
  const [write, addSchema] = writers[kind];
  const schema = schemaOf(message);
  const addresses = [...channels].map((c) => `\`${document.channels().get(c).address()}\``).join(', ');
  await write({
    id,
    name: message.title(),
    version,
    summary: message.description(),
    owners: [team],
    badges: [{ content: kind, backgroundColor: kind === 'event' ? 'orange' : 'purple', textColor: kind === 'event' ? 'orange' : 'purple' }],
    channels: [...channels].map((c) => ({ id: c })),
    schemaPath: 'schema.json',
    markdown: [
      '## Overview', '', mdx(message.description()), '',
      '| | |', '|---|---|',
      `| Kind | ${kind} |`,
      `| Sent by | ${[...senders].join(', ')} |`,
      `| Received by | ${[...receivers].join(', ')} |`,
      `| Channels | ${addresses} |`,
      '',
      '<SchemaViewer file="schema.json" title="JSON Schema (draft-07)" maxHeight="500" />', '',
      '## Architecture diagram', '', '<NodeGraph />', '',
    ].join('\n'),
  });
  await addSchema(id, { fileName: 'schema.json', schema: JSON.stringify(schema, null, 2) + '\n' });
}

console.log(`catalog: wrote ${participants.size} services, ${document.channels().length} channels and ${messages.size} messages to ${path.relative(root, catalog) || '.'}`);
