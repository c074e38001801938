import { lookup } from 'node:dns/promises';
import { AllowedNetworks, checkAddress, refusedHostName } from './webhook-address-policy';
import { parseHttpUrl } from './webhook-allowlist';
import { parseIp } from './webhook-ip';

export interface WebhookTargetPolicy {
  allowedNetworks: AllowedNetworks;
  /** In production a webhook's body and signature must not cross the network in clear. */
  httpsOnly: boolean;
}

export function webhookTargetPolicy(config: {
  NODE_ENV: string;
  WEBHOOK_ALLOWED_NETWORKS: AllowedNetworks;
}): WebhookTargetPolicy {
  return { allowedNetworks: config.WEBHOOK_ALLOWED_NETWORKS, httpsOnly: config.NODE_ENV === 'production' };
}

/** Every address a name resolves to, as the system resolver (hosts file, then DNS) gives them. */
export type ResolveHost = (hostname: string) => Promise<ReadonlyArray<{ address: string }>>;

export const resolveWithSystem: ResolveHost = (hostname) => lookup(hostname, { all: true, verbatim: true });

/** The policy forbids this URL: retrying will not help. */
export class WebhookTargetRefusedError extends Error {
  override name = 'WebhookTargetRefusedError';
}

/** The host name does not resolve now; it may later. */
export class WebhookTargetUnresolvedError extends Error {
  override name = 'WebhookTargetUnresolvedError';
}

/** A webhook URL whose every address was checked, and the one address its request must connect to. */
export interface WebhookTarget {
  url: URL;
  /** As written, without IPv6 brackets: the Host header and the TLS server name stay this name. */
  hostname: string;
  port: number;
  address: string;
  family: 4 | 6;
}

/**
 * Resolves a webhook URL's host and checks every address it resolves to, not just one: a name with
 * one public and one internal record would otherwise reach the internal one on some attempts. The
 * caller connects to `address` and nothing else, so a name re-resolving to another address between
 * this check and the connection (DNS rebinding) changes nothing.
 */
export async function resolveWebhookTarget(
  raw: string,
  policy: WebhookTargetPolicy,
  resolve: ResolveHost = resolveWithSystem,
): Promise<WebhookTarget> {
  let url: URL;
  try {
    url = parseHttpUrl(raw);
  } catch (err) {
    throw new WebhookTargetRefusedError((err as Error).message);
  }
  if (policy.httpsOnly && url.protocol !== 'https:')
    throw new WebhookTargetRefusedError(`${url.origin} is not https; in production webhooks go over https only`);
  const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
  // The URL parser has already turned every IPv4 spelling (2130706433, 0x7f.1, 0177.0.0.1) into a.b.c.d.
  const literal = parseIp(hostname) !== undefined;
  let addresses: string[];
  if (literal) addresses = [hostname];
  else {
    const byName = refusedHostName(hostname);
    if (byName) throw new WebhookTargetRefusedError(byName);
    try {
      addresses = (await resolve(hostname)).map((a) => a.address);
    } catch (err) {
      const { code, message } = err as NodeJS.ErrnoException;
      throw new WebhookTargetUnresolvedError(`${hostname} does not resolve (${code ?? message})`, { cause: err });
    }
    if (!addresses.length) throw new WebhookTargetUnresolvedError(`${hostname} resolves to no address`);
  }
  const verdicts = addresses.map((a) => checkAddress(a, policy.allowedNetworks));
  const refused = verdicts.find((v) => !v.allowed);
  if (refused)
    throw new WebhookTargetRefusedError(
      literal ? refused.reason : `${hostname} resolves to ${refused.address}: ${refused.reason}`,
    );
  const address = verdicts[0].address;
  return { url, hostname, port, address, family: parseIp(address)!.family };
}
