// The "frontend on another origin": Apollo Client and urql as a frontend team sets them up, bundled for the page
// that clients.test.mjs serves from its own port. Each run returns plain JSON (results, cache, the HTTP exchanges
// the page made) so the test checks everything in Node.
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { Client, cacheExchange, fetchExchange } from '@urql/core';

// Every request and its answer, as the browser saw them (CORS-blocked ones fail with a TypeError here).
const exchanges = [];
async function recordingFetch(input, init = {}) {
  const url = typeof input === 'string' ? input : input.url;
  const method = init.method ?? 'GET';
  const entry = { method, url, body: typeof init.body === 'string' ? JSON.parse(init.body) : null };
  exchanges.push(entry);
  try {
    const response = await fetch(input, init);
    entry.status = response.status;
    entry.response = await response.clone().json().catch(() => null);
    return response;
  } catch (error) {
    entry.error = String(error);
    throw error;
  }
}

async function sha256(text) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

function apolloClient(gatewayUrl, token, { useGETForHashedQueries = false } = {}) {
  const http = new HttpLink({
    uri: `${gatewayUrl}/graphql`,
    headers: { Authorization: `Bearer ${token}` },
    fetch: recordingFetch,
  });
  return new ApolloClient({
    link: ApolloLink.from([new PersistedQueryLink({ sha256, useGETForHashedQueries }), http]),
    cache: new InMemoryCache(),
  });
}

function urqlClient(gatewayUrl, token) {
  // urql's defaults: the document cache and fetch, queries sent as GET while the URL stays short enough.
  return new Client({
    url: `${gatewayUrl}/graphql`,
    exchanges: [cacheExchange, fetchExchange],
    fetch: recordingFetch,
    fetchOptions: { headers: { Authorization: `Bearer ${token}` } },
  });
}

function plainError(error) {
  if (!error) return null;
  const errors = error.errors ?? error.graphQLErrors ?? [];
  return {
    name: error.name,
    message: error.message,
    codes: errors.map((e) => e.extensions?.code ?? null),
    messages: errors.map((e) => e.message),
  };
}

function stripTypename(value) {
  if (Array.isArray(value)) return value.map(stripTypename);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([key]) => key !== '__typename').map(([k, v]) => [k, stripTypename(v)]));
  }
  return value;
}

async function apollo(gatewayUrl, token, queries) {
  exchanges.length = 0;
  const client = apolloClient(gatewayUrl, token);
  const runs = {};
  for (const [name, { query, variables }] of Object.entries(queries)) {
    const result = await client.query({ query: gql(query), variables, fetchPolicy: 'network-only', errorPolicy: 'none' })
      .catch((error) => ({ error }));
    runs[name] = { data: stripTypename(result.data ?? null), error: plainError(result.error) };
  }
  return { runs, cache: client.cache.extract(), exchanges: [...exchanges] };
}

async function urql(gatewayUrl, token, queries) {
  exchanges.length = 0;
  const client = urqlClient(gatewayUrl, token);
  const runs = {};
  for (const [name, { query, variables }] of Object.entries(queries)) {
    const result = await client.query(query, variables).toPromise();
    runs[name] = { data: result.data ?? null, error: plainError(result.error) };
  }
  return { runs, exchanges: [...exchanges] };
}

// One document, asked twice by fresh requests: the first registers it (hash-only, not found, retried with the
// text), the second is served by its hash alone.
async function apq(gatewayUrl, token, query, useGETForHashedQueries) {
  exchanges.length = 0;
  const client = apolloClient(gatewayUrl, token, { useGETForHashedQueries });
  const results = [];
  for (let i = 0; i < 2; i += 1) {
    const result = await client.query({ query: gql(query), fetchPolicy: 'network-only' }).catch((error) => ({ error }));
    results.push({ data: stripTypename(result.data ?? null), error: plainError(result.error) });
  }
  return { results, exchanges: [...exchanges] };
}

window.clients = { apollo, urql, apq };
