import { formatIp, formatNetwork, inNetwork, parseCidr, parseIp, parseIpv4, parseIpv6 } from './webhook-ip';

describe('IP addresses and networks', () => {
  it('reads dotted IPv4 and refuses other spellings, which the URL parser normalises first', () => {
    expect(parseIpv4('127.0.0.1')).toBe(0x7f000001n);
    expect(parseIpv4('255.255.255.255')).toBe(0xffffffffn);
    for (const odd of ['2130706433', '0x7f.0.0.1', '0177.0.0.1', '127.1', '256.0.0.1', '1.2.3.4.5', '', '1.2.3.'])
      expect(parseIpv4(odd)).toBeUndefined();
  });

  it('reads IPv6 compressed, in full, with a dotted tail, with a zone, and refuses malformed text', () => {
    expect(parseIpv6('::')).toBe(0n);
    expect(parseIpv6('::1')).toBe(1n);
    expect(parseIpv6('0:0:0:0:0:0:0:1')).toBe(1n);
    expect(parseIpv6('::ffff:127.0.0.1')).toBe(0xffff7f000001n);
    expect(parseIpv6('::ffff:7f00:1')).toBe(0xffff7f000001n);
    expect(parseIpv6('fe80::1%eth0')).toBe((0xfe80n << 112n) | 1n);
    expect(parseIpv6('1:2:3:4:5:6:1.2.3.4')).toBe(parseIpv6('1:2:3:4:5:6:102:304'));
    for (const bad of [
      '1::2::3',
      ':1',
      '1:::2',
      '12345::',
      '1:2:3:4:5:6:7:8:9',
      '1:2:3:4:5:6:7',
      'g::',
      '1.2.3.4::',
      '::1.2.3',
    ])
      expect(parseIpv6(bad)).toBeUndefined();
    expect(parseIpv6('1:2:3:4:5:6:7::')).toBe(parseIpv6('1:2:3:4:5:6:7:0'));
  });

  it('tells the family, with or without IPv6 brackets', () => {
    expect(parseIp('10.0.0.1')).toEqual({ family: 4, value: 0x0a000001n });
    expect(parseIp('[::1]')).toEqual({ family: 6, value: 1n });
    expect(parseIp('example.vn')).toBeUndefined();
  });

  it('writes addresses in their canonical form (RFC 5952 for IPv6)', () => {
    const canonical = (t: string) => formatIp(parseIp(t)!);
    expect(canonical('127.0.0.1')).toBe('127.0.0.1');
    expect(canonical('0:0:0:0:0:0:0:1')).toBe('::1');
    expect(canonical('::')).toBe('::');
    expect(canonical('2001:db8:0:0:1:0:0:1')).toBe('2001:db8::1:0:0:1');
    expect(canonical('2001:0db8:0000:0001:0001:0001:0001:0001')).toBe('2001:db8:0:1:1:1:1:1');
    expect(canonical('::ffff:127.0.0.1')).toBe('::ffff:7f00:1');
    expect(canonical('fd00:ec2:0::254')).toBe('fd00:ec2::254');
  });

  it('agrees with the WHATWG URL parser on thousands of IPv6 addresses with runs of zero groups', () => {
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 5000; i++) {
      const groups = Array.from({ length: 8 }, () => (next() % 3 === 0 ? (next() % 0x10000).toString(16) : '0'));
      const text = groups.join(':');
      expect(formatIp(parseIp(text)!)).toBe(new URL(`http://[${text}]/`).hostname.slice(1, -1));
    }
  });

  it('reads CIDR networks, refusing bad prefixes and set host bits', () => {
    expect(formatNetwork(parseCidr('10.0.0.0/8'))).toBe('10.0.0.0/8');
    expect(formatNetwork(parseCidr(' 127.0.0.1 '))).toBe('127.0.0.1/32');
    expect(formatNetwork(parseCidr('fd00::/8'))).toBe('fd00::/8');
    expect(formatNetwork(parseCidr('::1'))).toBe('::1/128');
    expect(formatNetwork(parseCidr('0.0.0.0/0'))).toBe('0.0.0.0/0');
    expect(() => parseCidr('10.0.0.1/8')).toThrow('host bits set; did you mean 10.0.0.0/8?');
    expect(() => parseCidr('10.0.0.0/33')).toThrow('at most /32');
    expect(() => parseCidr('fd00::/129')).toThrow('at most /128');
    expect(() => parseCidr('10.0.0.0/x')).toThrow('no valid prefix');
    expect(() => parseCidr('10.0.0.0/')).toThrow('no valid prefix');
    expect(() => parseCidr('10.0.0.0/8/8')).toThrow('not an IP address');
    expect(() => parseCidr('intranet/8')).toThrow('not an IP address');
    expect(() => parseCidr('010.0.0.0/8')).toThrow('not an IP address');
  });

  it('matches addresses of the same family inside a network, and only those', () => {
    const net = parseCidr('172.16.0.0/12');
    expect(inNetwork(parseIp('172.16.0.1')!, net)).toBe(true);
    expect(inNetwork(parseIp('172.31.255.255')!, net)).toBe(true);
    expect(inNetwork(parseIp('172.32.0.0')!, net)).toBe(false);
    expect(inNetwork(parseIp('::ac10:1')!, net)).toBe(false);
    expect(inNetwork(parseIp('fe80::1')!, parseCidr('fe80::/10'))).toBe(true);
    expect(inNetwork(parseIp('fec0::1')!, parseCidr('fe80::/10'))).toBe(false);
    expect(inNetwork(parseIp('8.8.8.8')!, parseCidr('0.0.0.0/0'))).toBe(true);
  });
});
