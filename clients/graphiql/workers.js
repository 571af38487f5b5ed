// Monaco runs its language services in web workers. GraphiQL's own set-ups load them from a CDN (esm.sh) or expect
// Vite/webpack; here build.mjs bundles each worker to workers/<label>.worker.js next to this script.
const base = new URL('./workers/', import.meta.url);

globalThis.MonacoEnvironment = {
  getWorker(_workerId, label) {
    const name = label === 'json' || label === 'graphql' ? label : 'editor';
    return new Worker(new URL(`${name}.worker.js`, base), { name: label });
  },
};
