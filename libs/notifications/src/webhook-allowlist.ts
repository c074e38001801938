/**
 * Webhook addresses an admin has allowed. An entry is an http(s) URL prefix: same scheme, host and
 * port, and the target's path starts with the entry's path at a segment boundary.
 */
export function normaliseAllowlistEntry(raw: string): string {
  const u = parseHttpUrl(raw);
  if (u.search || u.hash) throw new Error('an allowlist entry may not have a query or fragment');
  if (u.username || u.password) throw new Error('an allowlist entry may not carry credentials');
  return `${u.origin}${u.pathname}`;
}

export function parseHttpUrl(raw: string): URL {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new Error(`${JSON.stringify(raw)} is not a URL`);
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:')
    throw new Error(`${JSON.stringify(raw)} must be an http or https URL`);
  return u;
}

export function isWebhookUrlAllowed(target: string, entries: readonly string[]): boolean {
  let t: URL;
  try {
    t = parseHttpUrl(target);
  } catch {
    return false;
  }
  if (t.username || t.password) return false;
  return entries.some((entry) => {
    const e = new URL(entry);
    if (e.origin !== t.origin) return false;
    if (e.pathname === '/' || t.pathname === e.pathname) return true;
    const prefix = e.pathname.endsWith('/') ? e.pathname : `${e.pathname}/`;
    return t.pathname.startsWith(prefix);
  });
}
