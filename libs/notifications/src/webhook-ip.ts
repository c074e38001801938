/**
 * IP addresses and CIDR networks as numbers, so any address text can be compared with any network
 * whatever its spelling (compressed IPv6, an embedded dotted IPv4 tail, a zone suffix). Pure: no I/O.
 */
export type IpFamily = 4 | 6;

export interface IpAddress {
  family: IpFamily;
  /** The address as a 32-bit (IPv4) or 128-bit (IPv6) number. */
  value: bigint;
}

export interface IpNetwork extends IpAddress {
  prefix: number;
}

const BITS: Record<IpFamily, number> = { 4: 32, 6: 128 };

/**
 * Dotted-decimal IPv4 as `dns.lookup` and the WHATWG URL parser write it; other spellings (`0x7f.1`,
 * `2130706433`) are for `new URL()` to normalise first, and leading zeros are refused because some
 * parsers read them as octal.
 */
export function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const p of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(p) || Number(p) > 255) return undefined;
    value = (value << 8n) | BigInt(p);
  }
  return value;
}

/** IPv6 text, compressed or not, with an optional dotted IPv4 tail and an optional `%zone`. */
export function parseIpv6(text: string): bigint | undefined {
  const bare = text.replace(/%[\w.-]+$/, '');
  const halves = bare.split('::');
  if (halves.length > 2) return undefined;
  const groups = (half: string): number[] | undefined => {
    if (half === '') return [];
    const out: number[] = [];
    const pieces = half.split(':');
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i];
      if (i === pieces.length - 1 && piece.includes('.')) {
        const v4 = parseIpv4(piece);
        if (v4 === undefined) return undefined;
        out.push(Number(v4 >> 16n), Number(v4 & 0xffffn));
      } else if (/^[0-9a-f]{1,4}$/i.test(piece)) out.push(parseInt(piece, 16));
      else return undefined;
    }
    return out;
  };
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  if (!head || !tail) return undefined;
  // A dotted tail is only valid at the very end of the address.
  if (halves.length === 2 && halves[0].includes('.')) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  return [...head, ...Array<number>(missing).fill(0), ...tail].reduce((acc, g) => (acc << 16n) | BigInt(g), 0n);
}

/** An IPv4 or IPv6 address (IPv6 with or without brackets), or undefined if the text is neither. */
export function parseIp(text: string): IpAddress | undefined {
  const v4 = parseIpv4(text);
  if (v4 !== undefined) return { family: 4, value: v4 };
  const unbracketed = /^\[.*\]$/.test(text) ? text.slice(1, -1) : text;
  const v6 = unbracketed.includes(':') ? parseIpv6(unbracketed) : undefined;
  return v6 === undefined ? undefined : { family: 6, value: v6 };
}

/** `a.b.c.d/n` or `x:y::/n`; a bare address is a network of one. Host bits must be zero. */
export function parseCidr(text: string): IpNetwork {
  const [addr, prefixText, ...rest] = text.trim().split('/');
  const ip = parseIp(addr);
  if (!ip || rest.length) throw new Error(`${JSON.stringify(text)} is not an IP address or CIDR network`);
  const bits = BITS[ip.family];
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText))
    throw new Error(`${JSON.stringify(text)} has no valid prefix length`);
  const prefix = prefixText === undefined ? bits : Number(prefixText);
  if (prefix > bits) throw new Error(`${JSON.stringify(text)}: an IPv${ip.family} prefix is at most /${bits}`);
  const network = { ...ip, prefix };
  if ((ip.value & ~mask(network)) !== 0n)
    throw new Error(
      `${JSON.stringify(text)} has host bits set; did you mean ${formatNetwork(withHostBitsCleared(network))}?`,
    );
  return network;
}

export function inNetwork(ip: IpAddress, network: IpNetwork): boolean {
  return ip.family === network.family && (ip.value & mask(network)) === network.value;
}

export function formatIp(ip: IpAddress): string {
  if (ip.family === 4) return [24n, 16n, 8n, 0n].map((s) => String((ip.value >> s) & 0xffn)).join('.');
  const groups = Array.from({ length: 8 }, (_, i) => Number((ip.value >> BigInt(112 - 16 * i)) & 0xffffn));
  // RFC 5952: compress the longest run (two or more) of zero groups, the first one on a tie.
  let best = { at: -1, len: 1 };
  for (let i = 0; i < 8;) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > best.len) best = { at: i, len: j - i };
    i = j === i ? i + 1 : j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best.at < 0) return hex.join(':');
  return `${hex.slice(0, best.at).join(':')}::${hex.slice(best.at + best.len).join(':')}`;
}

export function formatNetwork(network: IpNetwork): string {
  return `${formatIp(network)}/${network.prefix}`;
}

/** The IPv4 address held in the low 32 bits of an IPv6 address (mapped, compatible, NAT64 forms). */
export function low32(ip: IpAddress): IpAddress {
  return { family: 4, value: ip.value & 0xffffffffn };
}

function mask(network: IpNetwork): bigint {
  const bits = BigInt(BITS[network.family]);
  const hostBits = bits - BigInt(network.prefix);
  return ((1n << bits) - 1n) ^ ((1n << hostBits) - 1n);
}

function withHostBitsCleared(network: IpNetwork): IpNetwork {
  return { ...network, value: network.value & mask(network) };
}
