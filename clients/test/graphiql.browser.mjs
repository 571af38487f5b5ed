// GraphiQL in a real browser: loads the gateway's /graphiql, sets a token, waits for the docs explorer to list the
// generated types, runs the default (README) query and finds its result in the result pane. Every request the
// page and its workers make is recorded; any to a host other than the gateway fails the run (offline = no CDN).
import { launchChromium, requiredEnv } from './browser.mjs';

const gateway = new URL(requiredEnv('GATEWAY_URL'));
const token = requiredEnv('TOKEN');
const path = process.env.GRAPHIQL_PATH ?? '/graphiql';
const expectedType = process.env.EXPECTED_TYPE ?? 'Transaction';
const STEP_TIMEOUT_MS = 30_000;

const failures = [];
function check(condition, message) {
  console.log(`${condition ? 'ok  ' : 'FAIL'} ${message}`);
  if (!condition) failures.push(message);
}

const browser = await launchChromium();
const requested = new Set();
try {
  const page = await browser.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  const record = (request) => requested.add(request.url());
  page.on('request', record);
  page.on('requestfailed', record);
  const uncaught = [];
  page.on('pageerror', (error) => uncaught.push(error.message));
  // Worker scripts and their imports are requests of their own targets.
  browser.on('targetcreated', async (target) => {
    const session = await target.createCDPSession().catch(() => null);
    if (!session) return;
    session.on('Network.requestWillBeSent', (event) => requested.add(event.request.url));
    await session.send('Network.enable').catch(() => {});
  });

  const response = await page.goto(new URL(path, gateway).href, { waitUntil: 'load' });
  check(response?.status() === 200, `GET ${path} answers 200 (got ${response?.status()})`);
  await page.waitForSelector('#token');
  const label = await page.$eval('label[for=token]', (element) => element.textContent.trim());
  check(label === 'Bearer token', `the token field is labelled "Bearer token" (got "${label}")`);
  await page.waitForSelector('.graphiql-container');
  const sentToGraphql = () => [...requested].filter((url) => url.startsWith(new URL('/graphql', gateway).href)).length;
  check(sentToGraphql() === 0, 'without a token the page sends nothing to /graphql (no introspection doomed to 401)');

  // A wrong token first: its introspection fails; replacing it must introspect again without any other action.
  const introspection = (status) => page.waitForResponse((candidate) => new URL(candidate.url()).pathname === '/graphql'
    && String(candidate.request().postData()).includes('IntrospectionQuery') && candidate.status() === status);
  const refused = introspection(401);
  await page.type('#token', 'not-a-token');
  await page.keyboard.press('Tab'); // blur: the field's change event sets the token without waiting for typing to settle
  check(await refused.then(() => true, () => false), 'a wrong token is tried at once (introspection answered 401)');

  const accepted = introspection(200);
  await page.click('#token', { count: 3 }); // select the wrong token so typing replaces it
  await page.type('#token', token);
  await page.keyboard.press('Tab');
  check(await accepted.then(() => true, () => false), 'replacing the token introspects again (answered 200)');
  const typeNames = await page
    .waitForFunction(
      (name) => {
        const names = [...document.querySelectorAll('.graphiql-doc-explorer-type-name')].map((a) => a.textContent.trim());
        return names.includes(name) ? names : null;
      },
      {},
      expectedType,
    )
    .then((handle) => handle.jsonValue())
    .catch(() => null);
  const shown = await page.$$eval('.graphiql-doc-explorer-type-name', (links) => links.map((a) => a.textContent.trim()));
  check(typeNames !== null, `the docs explorer lists ${expectedType} once the token is set (shows: ${shown.join(', ') || 'nothing'})`);

  const stored = await page.evaluate(() => Object.values(localStorage).some((value) => value.includes('eyJ')));
  check(!stored, 'the token is not in localStorage while "Remember in this browser" is unticked');

  const editorText = await page.$eval('.graphiql-query-editor', (element) => element.textContent);
  check(/spendingByTag/.test(editorText), 'the query editor holds the README example query');

  const answer = page.waitForResponse((candidate) => {
    const request = candidate.request();
    return request.method() === 'POST' && new URL(candidate.url()).pathname === '/graphql'
      && !String(JSON.parse(request.postData() ?? '{}').query).includes('IntrospectionQuery');
  });
  await page.click('.graphiql-execute-button');
  const result = await (await answer).json();
  await page.waitForFunction(() => document.querySelector('.graphiql-response')?.textContent.includes('"data"'));
  check(result?.data && !result.errors, `the README query answers data without errors (${JSON.stringify(result?.errors ?? null)})`);
  const firstTag = result?.data?.spendingByTag?.find((row) => row.tag)?.tag.tagName;
  const pane = await page.$eval('.graphiql-response', (element) => element.textContent);
  check(pane.includes('spendingByTag') && (!firstTag || pane.includes(firstTag)),
    `the result pane shows the answer (spendingByTag, tag ${firstTag ?? 'none'})`);

  check(uncaught.length === 0, `no uncaught error in the page${uncaught.length ? `: ${uncaught.join(' | ')}` : ''}`);

  await page.click('#remember');
  const remembered = await page.evaluate(() => Object.values(localStorage).some((value) => value.includes('eyJ')));
  check(remembered, 'ticking "Remember in this browser" stores the token');
} catch (error) {
  check(false, `GraphiQL run stopped: ${error.message}`);
} finally {
  await browser.close();
}

// data: and blob: URLs are the bundle's own inlined fonts and worker blobs, not network requests.
const network = [...requested].map((url) => new URL(url)).filter((url) => !['data:', 'blob:'].includes(url.protocol));
const foreign = network.filter((url) => url.host !== gateway.host).map((url) => url.href);
console.log(`requests: ${[...new Set(network.map((url) => url.pathname))].join(' ')}`);
check(network.length > 0 && foreign.length === 0,
  `all ${network.length} requests went to the gateway${foreign.length ? `; others: ${foreign.join(' ')}` : ''}`);

if (failures.length) {
  console.error(`GraphiQL browser test: ${failures.length} check(s) failed`);
  process.exit(1);
}
console.log('GraphiQL browser test: all checks passed');
