// Bundles the offline GraphiQL page: node graphiql/build.mjs --out <dir> writes <dir>/index.html, graphiql.js,
// graphiql.css, the fonts it references and workers/*.worker.js. The default query is the README's example, read at
// build time so the page and the README cannot drift apart.
import { build } from 'esbuild';
import { copyFile, mkdir, readFile, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({ options: { out: { type: 'string' } } });
if (!values.out) {
  console.error('usage: node graphiql/build.mjs --out <dir>');
  process.exit(2);
}
const out = resolve(values.out);

/** The first ```graphql block after the README's "## API" heading. */
function readmeExampleQuery(readme) {
  const api = readme.indexOf('\n## API');
  const match = api < 0 ? null : /```graphql\n([\s\S]*?)```/.exec(readme.slice(api));
  if (!match) throw new Error('README.md has no ```graphql example in its "## API" section');
  return match[1].trim() + '\n';
}

const query = readmeExampleQuery(await readFile(join(here, '..', '..', 'README.md'), 'utf8'));
const common = {
  bundle: true,
  minify: true,
  sourcemap: false,
  target: 'es2022',
  legalComments: 'linked',
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
};

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
await build({
  ...common,
  entryPoints: { graphiql: join(here, 'main.jsx') },
  outdir: out,
  format: 'esm',
  jsx: 'automatic',
  define: { ...common.define, DEFAULT_QUERY: JSON.stringify(query) },
  // Fonts and icons referenced by the CSS become files next to it, never CDN URLs.
  loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file', '.svg': 'file', '.png': 'file' },
  assetNames: 'assets/[name]-[hash]',
});
await build({
  ...common,
  entryPoints: {
    'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
    'json.worker': 'monaco-editor/esm/vs/language/json/json.worker.js',
    'graphql.worker': 'monaco-graphql/esm/graphql.worker.js',
  },
  outdir: join(out, 'workers'),
  // Classic workers: `new Worker(url)` without type: 'module' works in every browser GraphiQL supports.
  format: 'iife',
});
await copyFile(join(here, 'index.html'), join(out, 'index.html'));
console.log(`GraphiQL bundled into ${out}`);
