// Validates the AsyncAPI document with @asyncapi/parser: the AsyncAPI 3 schema, its semantic rules, and every
// draft-07 payload schema. Prints each diagnostic; exits 1 on any error or warning (infos are printed only).
// Usage: node tools/catalog/validate-asyncapi.mjs [docs/catalog/asyncapi.yaml]
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Parser } from '@asyncapi/parser';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const defaultDocument = path.join(root, 'docs/catalog/asyncapi.yaml');
const severities = ['error', 'warning', 'info', 'hint'];

/** Parses and validates the document; returns it, or exits the process with 1 after printing what is wrong. */
export async function parseValidated(file) {
  const { document, diagnostics } = await new Parser().parse(await readFile(file, 'utf8'), { source: file });
  for (const d of diagnostics) {
    console.log(`${severities[d.severity]} ${d.code}: ${d.message} at ${d.path?.length ? d.path.join('.') : '(document)'}`);
  }

  const errors = diagnostics.filter((d) => d.severity === 0).length;
  const warnings = diagnostics.filter((d) => d.severity === 1).length;
  if (!document || errors + warnings > 0) {
    console.error(`asyncapi: ${path.relative(root, file)} is invalid: ${errors} error(s), ${warnings} warning(s)`);
    process.exit(1);
  }

  console.log(`asyncapi: ${path.relative(root, file)} is valid AsyncAPI ${document.version()} ` +
    `(${document.channels().length} channels, ${document.operations().length} operations, ` +
    `${document.components().messages().length} messages): 0 errors, 0 warnings`);
  return document;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await parseValidated(path.resolve(process.argv[2] ?? defaultDocument));
}
