import * as http from 'node:http';
import * as https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { WebhookTarget } from '@app/notifications';

/** More than any receiver's acknowledgement needs; the body is read only to let the exchange finish. */
export const WEBHOOK_MAX_RESPONSE_BYTES = 64 * 1024;

export interface PinnedPostResult {
  status: number;
  /** Response bytes read (at most the cap). */
  bytes: number;
  /** The receiver sent more than the cap, or its body was cut off by the timeout; the rest was not read. */
  cut: boolean;
}

/**
 * POSTs to a checked webhook target, connecting only to its checked address: the host name is never
 * looked up again, yet stays the Host header and the TLS server name, so certificates are verified
 * against the name. A fresh connection each time (no pooled socket from an earlier resolution),
 * redirects are not followed, and the response body is read up to `maxResponseBytes`, then dropped.
 */
export function postPinned(
  target: WebhookTarget,
  headers: Record<string, string>,
  body: string,
  { timeoutMs, maxResponseBytes = WEBHOOK_MAX_RESPONSE_BYTES }: { timeoutMs: number; maxResponseBytes?: number },
): Promise<PinnedPostResult> {
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  const secure = target.url.protocol === 'https:';
  return new Promise((resolve, reject) => {
    const req = (secure ? https : http).request({
      method: 'POST',
      hostname: target.hostname,
      port: target.port,
      path: `${target.url.pathname}${target.url.search}`,
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      lookup: pinned,
      // An IP literal carries no server name (RFC 6066); a name is what the certificate must match.
      ...(secure && !isIP(target.hostname) && { servername: target.hostname }),
      agent: false,
      signal: AbortSignal.timeout(timeoutMs),
    });
    req.on('error', reject);
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      let bytes = 0;
      const finish = (cut: boolean) => {
        resolve({ status, bytes: Math.min(bytes, maxResponseBytes), cut });
        req.destroy();
      };
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (bytes > maxResponseBytes) finish(true);
      });
      // The answer's status has arrived: a body cut short (timeout, reset) does not change it.
      res.on('close', () => finish(!res.complete));
      res.on('error', () => undefined);
    });
    req.end(body);
  });
}
