// The GraphQL-over-HTTP audit (graphql-http's auditServer) against the gateway's /graphql with a valid token.
// Fails on any MUST or SHOULD audit that is not ok, and on the MAY audits of GET: the gateway serves queries over GET
// (urql's default), so those are part of its contract here. Other MAY audits are reported only.
import { auditServer } from 'graphql-http';
import { requiredEnv } from './browser.mjs';

const url = `${requiredEnv('GATEWAY_URL')}/graphql`;
const token = requiredEnv('TOKEN');

// Every audit request carries the token, as a real client's would; the audit cannot pass headers by itself.
function authorizedFetch(input, init = {}) {
  const headers = new Headers(init.headers ?? (input instanceof Request ? input.headers : undefined));
  headers.set('Authorization', `Bearer ${token}`);
  return fetch(input, { ...init, headers });
}

const required = (result) => /^(MUST|SHOULD) /.test(result.name) || (result.name.startsWith('MAY') && /\bGETs?\b/.test(result.name));

const results = await auditServer({ url, fetchFn: authorizedFetch });
const failing = [];
for (const result of results) {
  if (result.status !== 'ok') {
    const verdict = required(result) ? 'FAIL' : 'note';
    console.log(`${verdict} ${result.status} ${result.id} ${result.name}: ${result.reason}`);
    if (required(result)) failing.push(result);
  }
}
const count = (level) => results.filter((r) => r.name.startsWith(level));
const summary = ['MUST', 'SHOULD', 'MAY'].map((level) => {
  const all = count(level);
  return `${level} ${all.filter((r) => r.status === 'ok').length}/${all.length} ok`;
});
console.log(`GraphQL-over-HTTP audit of ${url}: ${results.filter((r) => r.status === 'ok').length} of ${results.length} ok (${summary.join(', ')})`);
if (failing.length) {
  console.error(`${failing.length} required audit(s) not ok (MUST, SHOULD, MAY on GET)`);
  process.exit(1);
}
