/**
 * Which network addresses a webhook may be sent to. A webhook URL is typed by an admin, so without
 * this rule the notifier would POST wherever it is pointed: at Redis or Temporal on the loopback
 * interface, at the cloud metadata service, at any internal host. Only public unicast addresses pass,
 * plus whatever private networks the operator lists (`WEBHOOK_ALLOWED_NETWORKS`). Pure: the caller
 * resolves names and hands the addresses in.
 */
import { formatIp, formatNetwork, inNetwork, IpAddress, IpNetwork, low32, parseCidr, parseIp } from './webhook-ip';

export type AddressKind =
  | 'loopback'
  | 'unspecified'
  | 'link-local'
  | 'metadata'
  | 'ipv4-mapped'
  | 'ipv4-compatible'
  | 'private'
  | 'shared'
  | 'multicast'
  | 'broadcast'
  | 'reserved';

/** Never reachable, whatever the operator lists: no legitimate receiver lives there. */
const NEVER_ALLOWED: ReadonlySet<AddressKind> = new Set([
  'unspecified',
  'metadata',
  'ipv4-mapped',
  'ipv4-compatible',
  'multicast',
  'broadcast',
]);

const KIND_TEXT: Record<AddressKind, string> = {
  loopback: 'a loopback address',
  unspecified: 'an unspecified ("this host") address',
  'link-local': 'a link-local address',
  metadata: 'a cloud metadata service address',
  'ipv4-mapped': 'an IPv4-mapped IPv6 address',
  'ipv4-compatible': 'an IPv4-compatible IPv6 address',
  private: 'a private address',
  shared: 'a carrier-grade NAT (shared) address',
  multicast: 'a multicast address',
  broadcast: 'the broadcast address',
  reserved: 'a reserved (non-public) address',
};

type Special =
  | { network: IpNetwork; kind: AddressKind }
  | { network: IpNetwork; via: string; embedded: (ip: IpAddress) => IpAddress };

/** First match wins, so the narrow entries (metadata hosts) come before the ranges holding them. */
const SPECIAL: readonly Special[] = [
  // Metadata services: AWS/GCP/Azure/DigitalOcean/Oracle, AWS ECS tasks, Alibaba, Oracle (legacy), AWS over IPv6.
  ...['169.254.169.254', '169.254.170.2', '100.100.100.200', '192.0.0.192', 'fd00:ec2::254'].map((a) => ({
    network: parseCidr(a),
    kind: 'metadata' as const,
  })),
  ...(
    [
      ['0.0.0.0/8', 'unspecified'],
      ['127.0.0.0/8', 'loopback'],
      ['10.0.0.0/8', 'private'],
      ['172.16.0.0/12', 'private'],
      ['192.168.0.0/16', 'private'],
      ['100.64.0.0/10', 'shared'],
      ['169.254.0.0/16', 'link-local'],
      ['192.0.0.0/24', 'reserved'], // IETF protocol assignments
      ['192.0.2.0/24', 'reserved'], // documentation
      ['198.51.100.0/24', 'reserved'], // documentation
      ['203.0.113.0/24', 'reserved'], // documentation
      ['192.88.99.0/24', 'reserved'], // 6to4 relay anycast
      ['198.18.0.0/15', 'reserved'], // benchmarking
      ['224.0.0.0/4', 'multicast'],
      ['255.255.255.255/32', 'broadcast'],
      ['240.0.0.0/4', 'reserved'],
      ['::/128', 'unspecified'],
      ['::1/128', 'loopback'],
      ['::ffff:0:0/96', 'ipv4-mapped'],
      ['::/96', 'ipv4-compatible'],
      ['64:ff9b:1::/48', 'reserved'], // local-use NAT64: the translator is private
      ['2001:db8::/32', 'reserved'], // documentation
      ['2001::/23', 'reserved'], // IETF protocol assignments, Teredo
      ['3fff::/20', 'reserved'], // documentation
      ['100::/64', 'reserved'], // discard-only
      ['fc00::/7', 'private'], // unique local
      ['fe80::/10', 'link-local'],
      ['fec0::/10', 'reserved'], // site-local, deprecated
      ['ff00::/8', 'multicast'],
    ] as const
  ).map(([cidr, kind]) => ({ network: parseCidr(cidr), kind })),
  // The well-known NAT64 prefix and 6to4 reach the IPv4 address they embed: judge that address.
  { network: parseCidr('64:ff9b::/96'), via: 'NAT64', embedded: low32 },
  { network: parseCidr('2002::/16'), via: '6to4', embedded: (ip) => low32({ ...ip, value: ip.value >> 80n }) },
];

/** IPv6 unicast outside 2000::/3 is not allocated for the public Internet. */
const GLOBAL_UNICAST_V6 = parseCidr('2000::/3');

/**
 * Names that mean the machine itself or its cloud's metadata service. Refused by name even before
 * resolving: `localhost` is a different host for the API, for the notifier and in every container.
 */
const REFUSED_NAMES: ReadonlyMap<string, AddressKind> = new Map([
  ...['localhost', 'localhost.localdomain', 'ip6-localhost', 'ip6-loopback'].map((n) => [n, 'loopback'] as const),
  ...['metadata', 'metadata.google.internal', 'metadata.goog', 'instance-data', 'instance-data.ec2.internal'].map(
    (n) => [n, 'metadata'] as const,
  ),
]);

/** Private networks the operator allows webhooks to reach (e.g. `10.20.0.0/16`, or `127.0.0.1` in tests). */
export type AllowedNetworks = readonly IpNetwork[];

export const NO_ALLOWED_NETWORKS: AllowedNetworks = [];

/** A comma-separated CIDR list; throws naming the first bad item, so a typo stops start-up. */
export function parseAllowedNetworks(raw: string): AllowedNetworks {
  return raw
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => parseCidr(item));
}

export function describeAllowedNetworks(networks: AllowedNetworks): string {
  return networks.map(formatNetwork).join(',');
}

export type AddressVerdict =
  | { allowed: true; address: string }
  | { allowed: false; address: string; kind: AddressKind | 'invalid'; reason: string };

/** Whether a webhook may connect to this address; if not, `reason` says why, naming the address. */
export function checkAddress(text: string, allowed: AllowedNetworks): AddressVerdict {
  const ip = parseIp(text);
  if (!ip) return { allowed: false, address: text, kind: 'invalid', reason: `${text} is not an IP address` };
  return judge(ip, allowed);
}

function judge(ip: IpAddress, allowed: AllowedNetworks): AddressVerdict {
  const address = formatIp(ip);
  const special = SPECIAL.find((s) => inNetwork(ip, s.network));
  if (special && 'via' in special) {
    const inner = judge(special.embedded(ip), allowed);
    if (inner.allowed) return { allowed: true, address };
    return { ...inner, address, reason: `${address} reaches ${inner.address} through ${special.via}: ${inner.reason}` };
  }
  const kind = special?.kind ?? (ip.family === 6 && !inNetwork(ip, GLOBAL_UNICAST_V6) ? 'reserved' : undefined);
  if (!kind) return { allowed: true, address };
  if (!NEVER_ALLOWED.has(kind) && allowed.some((n) => inNetwork(ip, n))) return { allowed: true, address };
  return { allowed: false, address, kind, reason: `${address} is ${KIND_TEXT[kind]}${hint(kind)}` };
}

/** Why a host name is refused outright (the machine itself, a metadata service), if it is. */
export function refusedHostName(hostname: string): string | undefined {
  const name = hostname.toLowerCase().replace(/\.+$/, '');
  const kind = REFUSED_NAMES.get(name) ?? (name.endsWith('.localhost') ? 'loopback' : undefined);
  return kind && `${hostname} names ${KIND_TEXT[kind]}`;
}

function hint(kind: AddressKind): string {
  return NEVER_ALLOWED.has(kind) ? '' : ' (an operator may allow its network in WEBHOOK_ALLOWED_NETWORKS)';
}
