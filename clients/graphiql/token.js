// The token field's state: what GraphiQL sends as the bearer token, and when (only if asked) it is remembered.
const STORAGE_KEY = 'analytics-gateway.bearer-token';
// Typing a token fires one event per character; introspecting after each would send a burst of 401s.
const SETTLE_MS = 300;

export function createTokenStore({ field, remember, status, storage }) {
  const listeners = new Set();
  const stored = storage.getItem(STORAGE_KEY);
  let token = stored ?? '';
  field.value = token;
  remember.checked = stored !== null;
  let timer;

  function publish() {
    const next = field.value.trim();
    if (remember.checked && next) storage.setItem(STORAGE_KEY, next);
    else storage.removeItem(STORAGE_KEY);
    status.textContent = next ? 'Token set: the schema is (re)loaded.' : 'No token: the schema loads once one is set.';
    if (next === token) return;
    token = next;
    listeners.forEach((listener) => listener());
  }

  field.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(publish, SETTLE_MS);
  });
  field.addEventListener('change', () => {
    clearTimeout(timer);
    publish();
  });
  remember.addEventListener('change', publish);

  return {
    current: () => token,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
