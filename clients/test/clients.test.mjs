// Apollo Client and urql, each as a frontend team sets it up, running in Chromium on a page served from another
// origin (so CORS is the browser's, not a test shortcut), against the running gateway. The page hands back
// results, Apollo's cache and the HTTP exchanges; the checks run here. Reference values: the same document sent as
// a plain POST, and exact sums read from the snapshot's DuckDB file (duckdb_sums.py).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { launchChromium, requiredEnv } from './browser.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const gateway = requiredEnv('GATEWAY_URL');
const token = requiredEnv('TOKEN');
const pagePort = Number(requiredEnv('PAGE_PORT'));
const pageOrigin = `http://127.0.0.1:${pagePort}`;
const START = '2026-01-01';
const END = '2026-03-31';

const DASHBOARD = `query Dashboard($start: Date!, $end: Date!) {
  fctTransactions(filter: { startDate: $start, endDate: $end }, limit: 1000,
                  orderBy: [{ column: BOOKING_DATE, direction: DESC }, { column: TRANSACTION_ID }]) {
    totalCount
    pageInfo { hasNextPage }
    nodes { id transactionId bookingDate amount currency description
            account { id accountId accountName currency } tags { id tagId tagName } }
  }
  spendingByTag(startDate: $start, endDate: $end) {
    tagId tag { id tagName } currency spendingAmount refundAmount netSpendingAmount transactionCount
  }
  monthlyTrends(startDate: $start, endDate: $end) { month currency income spending net transactionCount }
  balanceHistory(startDate: $start, endDate: $end) { accountId balanceDate currency balance netChange }
}`;
const variables = { start: START, end: END };
const ERRORS = {
  foreignAccount: {
    query: `query ForeignAccount($ids: [UUID!]) { balanceHistory(startDate: "${START}", endDate: "${END}", accountIds: $ids) { balance } }`,
    variables: { ids: [randomUUID()] },
  },
  overLimit: { query: '{ fctTransactions(limit: 10001) { totalCount } }', variables: {} },
};

let server;
let browser;
let page;

before(async () => {
  const bundle = await build({
    entryPoints: [join(here, 'page', 'app.js')],
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2022',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  const files = {
    '/': ['text/html', '<!doctype html><meta charset="utf-8"><title>frontend</title><script type="module" src="/app.js"></script>'],
    '/app.js': ['text/javascript', bundle.outputFiles[0].text],
  };
  server = createServer((request, response) => {
    const file = files[request.url];
    response.writeHead(file ? 200 : 404, { 'Content-Type': file?.[0] ?? 'text/plain' }).end(file?.[1] ?? 'not found');
  });
  await new Promise((resolve) => server.listen(pagePort, '127.0.0.1', resolve));
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(`${pageOrigin}/`, { waitUntil: 'load' });
  await page.waitForFunction(() => window.clients !== undefined);
});

after(async () => {
  await browser?.close();
  server?.close();
});

// Each client run happens once, lazily; a test that needs it awaits the same promise.
function once(run) {
  let result;
  return () => (result ??= run());
}
const apolloRun = once(() => page.evaluate((url, jwt, queries) => window.clients.apollo(url, jwt, queries),
  gateway, token, { dashboard: { query: DASHBOARD, variables }, ...ERRORS }));
const urqlRun = once(() => page.evaluate((url, jwt, queries) => window.clients.urql(url, jwt, queries),
  gateway, token, { dashboard: { query: DASHBOARD, variables }, ...ERRORS }));
const reference = once(async () => {
  const response = await fetch(`${gateway}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: DASHBOARD, variables }),
  });
  const body = await response.json();
  assert.equal(body.errors, undefined, `the plain POST of the dashboard failed: ${JSON.stringify(body.errors)}`);
  return withoutTypenames(body.data);
});
const duckdbSums = once(() => {
  const user = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).sub;
  const output = execFileSync(requiredEnv('PYTHON'),
    [join(here, 'duckdb_sums.py'), requiredEnv('SNAPSHOT_DB'), user, START, END], { encoding: 'utf8' });
  return JSON.parse(output);
});

function dashboardOf(run) {
  const { data, error } = run.runs.dashboard;
  assert.equal(error, null, `the dashboard query failed: ${JSON.stringify(error)}`);
  return withoutTypenames(data);
}

/** The data without the __typename fields clients add to every selection for their caches (urql and Apollo differ). */
function withoutTypenames(value) {
  if (Array.isArray(value)) {
    return value.map(withoutTypenames);
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([key]) => key !== '__typename')
      .map(([key, field]) => [key, withoutTypenames(field)]));
  }
  return value;
}

/** Exact sum of decimal strings per currency, in integer cents (BigInt), printed back as a decimal string. */
function sumByCurrency(rows, field) {
  const cents = {};
  for (const row of rows) {
    const [whole, fraction = ''] = row[field].replace('-', '').split('.');
    const value = BigInt(whole + fraction.padEnd(2, '0')) * (row[field].startsWith('-') ? -1n : 1n);
    cents[row.currency] = (cents[row.currency] ?? 0n) + value;
  }
  return Object.fromEntries(Object.entries(cents).map(([currency, total]) => {
    const sign = total < 0n ? '-' : '';
    const digits = (total < 0n ? -total : total).toString().padStart(3, '0');
    return [currency, `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`];
  }));
}

function moneyValues(dashboard) {
  return [
    ...dashboard.fctTransactions.nodes.map((n) => n.amount),
    ...dashboard.spendingByTag.flatMap((s) => [s.spendingAmount, s.refundAmount, s.netSpendingAmount]),
    ...dashboard.monthlyTrends.flatMap((m) => [m.income, m.spending, m.net]),
    ...dashboard.balanceHistory.flatMap((b) => [b.balance, b.netChange]),
  ];
}

test('preflightFromTheFrontendOriginIsAllowed', async () => {
  const response = await fetch(`${gateway}/graphql`, {
    method: 'OPTIONS',
    headers: { Origin: pageOrigin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' },
  });
  assert.ok(response.status < 300, `preflight status ${response.status}`);
  assert.equal(response.headers.get('access-control-allow-origin'), pageOrigin);
  assert.match(response.headers.get('access-control-allow-headers') ?? '', /authorization/i);
});

test('preflightFromAnotherOriginIsRefused', async () => {
  const response = await fetch(`${gateway}/graphql`, {
    method: 'OPTIONS',
    headers: { Origin: 'http://127.0.0.1:1', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization' },
  });
  assert.equal(response.headers.get('access-control-allow-origin'), null);
});

test('apolloDashboardFromAnotherOriginEqualsPlainPost', async () => {
  assert.deepEqual(dashboardOf(await apolloRun()), await reference());
});

test('apolloDashboardHasEveryRowOfTheQuarter', async () => {
  const dashboard = dashboardOf(await apolloRun());
  assert.equal(dashboard.fctTransactions.pageInfo.hasNextPage, false);
  assert.equal(dashboard.fctTransactions.nodes.length, dashboard.fctTransactions.totalCount);
  assert.ok(dashboard.fctTransactions.nodes.length > 0, 'the test user has transactions in the quarter');
  for (const field of ['spendingByTag', 'monthlyTrends', 'balanceHistory']) {
    assert.ok(dashboard[field].length > 0, `${field} is empty`);
  }
});

test('apolloCacheHoldsTransactionsAndAccountsByIdentity', async () => {
  const run = await apolloRun();
  const dashboard = dashboardOf(run);
  const keys = Object.keys(run.cache);
  for (const node of dashboard.fctTransactions.nodes) {
    assert.ok(keys.includes(`Transaction:${node.id}`), `no cache entry Transaction:${node.id}`);
    assert.ok(keys.includes(`Account:${node.account.id}`), `no cache entry Account:${node.account.id}`);
  }
  const accounts = new Set(dashboard.fctTransactions.nodes.map((n) => n.account.id));
  assert.equal(keys.filter((key) => key.startsWith('Account:')).length, accounts.size, 'one entry per account');
});

test('urqlDashboardIsSentAsGetAndEqualsPlainPost', async () => {
  const run = await urqlRun();
  const dashboardRequest = run.exchanges.find((e) => e.url.includes('Dashboard') || e.body?.operationName === 'Dashboard');
  assert.equal(dashboardRequest?.method, 'GET', `urql sent ${dashboardRequest?.method} (status ${dashboardRequest?.status})`);
  assert.deepEqual(dashboardOf(run), await reference());
});

test('moneyTravelsAsDecimalStringsWithNoMoreFractionDigitsThanTheMart', async () => {
  // Strings, so nothing becomes a double; the marts' DECIMAL scale (2 for money) bounds the fraction digits.
  const { scale } = duckdbSums();
  assert.equal(scale, 2, 'the marts keep money in cents');
  const MONEY = new RegExp(`^-?\\d+(\\.\\d{1,${scale}})?$`);
  for (const run of [await apolloRun(), await urqlRun()]) {
    const values = moneyValues(dashboardOf(run));
    const wrong = values.filter((value) => typeof value !== 'string' || !MONEY.test(value));
    assert.deepEqual(wrong.slice(0, 5), [], `${wrong.length} of ${values.length} amounts are not decimal strings`);
  }
});

test('amountsSumExactlyToTheSnapshotTotals', async () => {
  const sums = duckdbSums();
  for (const run of [await apolloRun(), await urqlRun()]) {
    const dashboard = dashboardOf(run);
    assert.deepEqual(sumByCurrency(dashboard.fctTransactions.nodes, 'amount'), sums.transactions);
    assert.deepEqual(sumByCurrency(dashboard.spendingByTag, 'spendingAmount'), sums.spending);
  }
});

test('foreignAccountIdIsForbiddenInBothClients', async () => {
  for (const [client, run] of [['apollo', await apolloRun()], ['urql', await urqlRun()]]) {
    assert.deepEqual(run.runs.foreignAccount.error?.codes, ['FORBIDDEN'], `${client}: ${JSON.stringify(run.runs.foreignAccount.error)}`);
  }
});

test('limitAboveTheCapIsBadRequestInBothClients', async () => {
  for (const [client, run] of [['apollo', await apolloRun()], ['urql', await urqlRun()]]) {
    assert.deepEqual(run.runs.overLimit.error?.codes, ['BAD_REQUEST'], `${client}: ${JSON.stringify(run.runs.overLimit.error)}`);
  }
});

// Apollo's PersistedQueryLink: hash only -> PersistedQueryNotFound -> the same request with the text (registers it);
// the next identical request is served by the hash alone. A query text unique to the run keeps the store cold.
async function checkPersistedQueries(useGET) {
  const query = `query Apq${useGET ? 'Get' : 'Post'}${randomUUID().replaceAll('-', '')} { monthlyTrends(startDate: "${START}", endDate: "${END}") { month net } }`;
  const run = await page.evaluate((url, jwt, text, get) => window.clients.apq(url, jwt, text, get), gateway, token, query, useGET);
  const sent = run.exchanges.map((e) => {
    const params = e.method === 'GET' ? new URL(e.url).searchParams : null;
    const body = params ? { query: params.get('query'), extensions: JSON.parse(params.get('extensions') ?? 'null') } : e.body;
    return { method: e.method, hasQuery: Boolean(body?.query), hash: body?.extensions?.persistedQuery?.sha256Hash, response: e.response };
  });
  const method = useGET ? 'GET' : 'POST';
  assert.equal(sent.length, 3, `expected hash-only, retry with text, hash-only: ${JSON.stringify(sent)}`);
  assert.deepEqual(sent.map((s) => [s.method, s.hasQuery]), [[method, false], ['POST', true], [method, false]]);
  assert.ok(sent.every((s) => s.hash && s.hash === sent[0].hash), 'every request carries the same sha256');
  assert.equal(sent[0].response?.errors?.[0]?.message, 'PersistedQueryNotFound');
  assert.equal(sent[0].response?.errors?.[0]?.extensions?.code, 'PERSISTED_QUERY_NOT_FOUND');
  assert.equal(sent[2].response?.errors, undefined, `the registered hash was not served: ${JSON.stringify(sent[2].response)}`);
  assert.deepEqual(run.results[1], run.results[0]);
  assert.equal(run.results[0].error, null);
  assert.ok(run.results[0].data.monthlyTrends.length > 0);
}

test('persistedQueryOverPostRegistersThenHitsByHash', () => checkPersistedQueries(false));

test('persistedQueryOverGetRegistersThenHitsByHash', () => checkPersistedQueries(true));
