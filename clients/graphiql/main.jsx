// The gateway's GraphiQL page, bundled with everything it needs (no CDN): Monaco's workers come from
// ./workers.js, fonts and CSS from the same bundle. The bearer token lives in the field above the editor and only
// reaches localStorage when the user ticks "Remember in this browser".
import './workers.js';
import 'graphiql/style.css';
import { createRoot } from 'react-dom/client';
import { useMemo, useSyncExternalStore } from 'react';
import { GraphiQL } from 'graphiql';
import { DOC_EXPLORER_PLUGIN } from '@graphiql/plugin-doc-explorer';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { createTokenStore } from './token.js';

/* global DEFAULT_QUERY -- replaced at build time by the README's example query (build.mjs) */

const tokens = createTokenStore({
  field: document.getElementById('token'),
  remember: document.getElementById('remember'),
  status: document.getElementById('token-status'),
  storage: window.localStorage,
});

function App() {
  const token = useSyncExternalStore(tokens.subscribe, tokens.current);
  // A new fetcher makes GraphiQL introspect again, so the docs pane follows the token without a refetch click.
  const fetcher = useMemo(
    () => createGraphiQLFetcher({ url: '/graphql', headers: token ? { Authorization: `Bearer ${token}` } : {} }),
    [token],
  );
  return (
    <GraphiQL
      fetcher={fetcher}
      // null = no introspection: without a token it can only fail with 401, which GraphiQL shows as a broken schema.
      schema={token ? undefined : null}
      defaultQuery={DEFAULT_QUERY}
      visiblePlugin={DOC_EXPLORER_PLUGIN}
      shouldPersistHeaders={false}
    />
  );
}

createRoot(document.getElementById('graphiql')).render(<App />);
