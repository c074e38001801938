/**
 * The browser's session with the API. It lives in cookies the page cannot read (HttpOnly access and
 * refresh tokens, SameSite=Strict), so no script on the page, injected or not, can take it away;
 * nothing of it is kept in local or session storage. The page reads one cookie: `csrf`, which it
 * echoes in X-CSRF-Token on every request that changes something (a page of another site can send
 * the cookies, but cannot read this value).
 */
const CSRF_COOKIE = 'csrf';
const CSRF_HEADER = 'X-CSRF-Token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** The Web Lock that lets one tab at a time renew the session. */
const REFRESH_LOCK = 'ap-session-refresh';
/** Tabs of the console tell each other that the person logged out. */
const CHANNEL = 'ap-session';

function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/** Headers that make a request carry the session: the CSRF token on anything but a read. */
export function sessionHeaders(method: string): Record<string, string> {
  const csrf = readCookie(CSRF_COOKIE);
  return csrf && !SAFE_METHODS.has(method) ? { [CSRF_HEADER]: csrf } : {};
}

/** A fetch with the session cookies (same origin only) and, for a change, the CSRF token. */
export function fetchWithSession(url: string, init: RequestInit & { method: string }): Promise<Response> {
  return fetch(url, {
    ...init,
    credentials: 'same-origin',
    headers: { ...sessionHeaders(init.method), ...(init.headers as Record<string, string> | undefined) },
  });
}

const endedListeners = new Set<() => void>();
const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;
channel?.addEventListener('message', (e: MessageEvent) => {
  if (e.data === 'logout') endedListeners.forEach((listener) => listener());
});

/**
 * Refresh tokens are used once: a second use of the same one (two tabs renewing at the same moment)
 * ends the whole session. So renewals queue on a Web Lock shared by every tab of the origin, and a tab
 * that gets the lock first asks whether the session works again (another tab renewed it while this
 * one waited) before spending the refresh token. Without Web Locks (a page served over plain http
 * from another machine is no secure context) the renewal is still one at a time within the tab.
 */
let renewing: Promise<boolean> | null = null;

async function renewOnce(): Promise<boolean> {
  const me = await fetchWithSession('/auth/me', { method: 'GET' });
  if (me.ok) return true;
  const refreshed = await fetchWithSession('/auth/refresh', { method: 'POST' });
  return refreshed.ok;
}

async function renewAcrossTabs(): Promise<boolean> {
  const locks = 'locks' in navigator ? navigator.locks : undefined;
  return locks ? await locks.request(REFRESH_LOCK, renewOnce) : renewOnce();
}

function renew(): Promise<boolean> {
  renewing ??= renewAcrossTabs()
    .catch(() => false)
    .finally(() => (renewing = null));
  return renewing;
}

export const session = {
  /** Whether this browser may hold a session: the csrf cookie lives exactly as long as the refresh token. */
  present: (): boolean => readCookie(CSRF_COOKIE) !== undefined,
  /** Renews an expired access token once (for every tab); false when the session is over. */
  renew,
  /** Tells the page (and through it the person) that the session is over; answers the unsubscribe. */
  onEnded(listener: () => void): () => void {
    endedListeners.add(listener);
    return () => endedListeners.delete(listener);
  },
  ended(): void {
    endedListeners.forEach((listener) => listener());
  },
  /** After logging out: the other tabs return to the login page too. */
  announceLogout(): void {
    channel?.postMessage('logout');
  },
};
