import {
  AddressKind,
  checkAddress,
  describeAllowedNetworks,
  NO_ALLOWED_NETWORKS,
  parseAllowedNetworks,
  refusedHostName,
} from './webhook-address-policy';

const kindOf = (address: string, allowed = NO_ALLOWED_NETWORKS) => {
  const v = checkAddress(address, allowed);
  return v.allowed ? 'allowed' : v.kind;
};

describe('webhook address policy', () => {
  it('allows public unicast addresses', () => {
    for (const a of [
      '8.8.8.8',
      '1.1.1.1',
      '203.162.4.190',
      '100.63.255.255',
      '100.128.0.0',
      '172.15.255.255',
      '172.32.0.0',
    ])
      expect([a, kindOf(a)]).toEqual([a, 'allowed']);
    for (const a of ['2001:4860:4860::8888', '2606:4700:4700::1111', '2402:800::1', '2a00:1450:4001::200e'])
      expect([a, kindOf(a)]).toEqual([a, 'allowed']);
  });

  it.each<[string, AddressKind]>([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['::1', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['::', 'unspecified'],
    ['169.254.0.1', 'link-local'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['febf::1', 'link-local'],
    ['169.254.169.254', 'metadata'],
    ['169.254.170.2', 'metadata'],
    ['100.100.100.200', 'metadata'],
    ['192.0.0.192', 'metadata'],
    ['fd00:ec2::254', 'metadata'],
    ['10.0.0.1', 'private'],
    ['10.255.255.255', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['fc00::1', 'private'],
    ['fd12:3456::1', 'private'],
    ['100.64.0.1', 'shared'],
    ['100.127.255.255', 'shared'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    ['192.0.2.1', 'reserved'],
    ['198.51.100.7', 'reserved'],
    ['203.0.113.9', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['192.88.99.1', 'reserved'],
    ['192.0.0.8', 'reserved'],
    ['2001:db8::1', 'reserved'],
    ['2001::1', 'reserved'],
    ['3fff::1', 'reserved'],
    ['100::1', 'reserved'],
    ['fec0::1', 'reserved'],
    ['64:ff9b:1::a00:1', 'reserved'],
    ['4000::1', 'reserved'],
    ['::ffff:127.0.0.1', 'ipv4-mapped'],
    ['::ffff:7f00:1', 'ipv4-mapped'],
    ['::ffff:8.8.8.8', 'ipv4-mapped'],
    ['::127.0.0.1', 'ipv4-compatible'],
    ['::8.8.8.8', 'ipv4-compatible'],
  ])('refuses %s (%s)', (address, kind) => {
    expect(kindOf(address)).toBe(kind);
  });

  it('judges NAT64 and 6to4 addresses by the IPv4 address they reach', () => {
    expect(kindOf('64:ff9b::8.8.8.8')).toBe('allowed');
    expect(kindOf('64:ff9b::7f00:1')).toBe('loopback');
    expect(kindOf('64:ff9b::169.254.169.254')).toBe('metadata');
    expect(kindOf('64:ff9b::10.1.2.3')).toBe('private');
    expect(kindOf('2002:808:808::1')).toBe('allowed');
    expect(kindOf('2002:7f00:1::')).toBe('loopback');
    expect(kindOf('2002:a9fe:a9fe::1')).toBe('metadata');
    expect(checkAddress('64:ff9b::127.0.0.1', NO_ALLOWED_NETWORKS)).toMatchObject({
      address: '64:ff9b::7f00:1',
      reason: expect.stringMatching(/^64:ff9b::7f00:1 reaches 127\.0\.0\.1 through NAT64: 127\.0\.0\.1 is a loopback/),
    });
  });

  it('names the address, in canonical form, and says what it is', () => {
    expect(checkAddress('0:0:0:0:0:ffff:7f00:1', NO_ALLOWED_NETWORKS)).toEqual({
      allowed: false,
      address: '::ffff:7f00:1',
      kind: 'ipv4-mapped',
      reason: '::ffff:7f00:1 is an IPv4-mapped IPv6 address',
    });
    expect(checkAddress('10.1.2.3', NO_ALLOWED_NETWORKS)).toMatchObject({
      reason: '10.1.2.3 is a private address (an operator may allow its network in WEBHOOK_ALLOWED_NETWORKS)',
    });
    expect(checkAddress('not-an-ip', NO_ALLOWED_NETWORKS)).toMatchObject({ allowed: false, kind: 'invalid' });
  });

  it('allows private, loopback, shared, link-local and reserved addresses only inside networks the operator lists', () => {
    const allowed = parseAllowedNetworks(
      '127.0.0.1/32, 10.20.0.0/16,fd00:1::/32,100.64.0.0/10,169.254.0.0/16,192.0.2.0/24',
    );
    expect(kindOf('127.0.0.1', allowed)).toBe('allowed');
    expect(kindOf('127.0.0.2', allowed)).toBe('loopback');
    expect(kindOf('10.20.3.4', allowed)).toBe('allowed');
    expect(kindOf('10.21.0.1', allowed)).toBe('private');
    expect(kindOf('fd00:1::5', allowed)).toBe('allowed');
    expect(kindOf('fd00:2::5', allowed)).toBe('private');
    expect(kindOf('100.64.1.1', allowed)).toBe('allowed');
    expect(kindOf('169.254.1.1', allowed)).toBe('allowed');
    expect(kindOf('192.0.2.1', allowed)).toBe('allowed');
    expect(kindOf('64:ff9b::10.20.0.1', allowed)).toBe('allowed');
    expect(kindOf('::1', allowed)).toBe('loopback');
  });

  it('never allows metadata, unspecified, mapped, compatible, multicast or broadcast addresses, whatever is listed', () => {
    const everything = parseAllowedNetworks('0.0.0.0/0,::/0');
    expect(kindOf('169.254.169.254', everything)).toBe('metadata');
    expect(kindOf('100.100.100.200', everything)).toBe('metadata');
    expect(kindOf('fd00:ec2::254', everything)).toBe('metadata');
    expect(kindOf('0.0.0.0', everything)).toBe('unspecified');
    expect(kindOf('::', everything)).toBe('unspecified');
    expect(kindOf('::ffff:127.0.0.1', everything)).toBe('ipv4-mapped');
    expect(kindOf('::127.0.0.1', everything)).toBe('ipv4-compatible');
    expect(kindOf('224.0.0.1', everything)).toBe('multicast');
    expect(kindOf('ff02::1', everything)).toBe('multicast');
    expect(kindOf('255.255.255.255', everything)).toBe('broadcast');
    expect(kindOf('64:ff9b::169.254.169.254', everything)).toBe('metadata');
    expect(kindOf('127.0.0.1', everything)).toBe('allowed');
    expect(checkAddress('169.254.169.254', everything)).toMatchObject({
      reason: '169.254.169.254 is a cloud metadata service address',
    });
  });

  it('reads the operator setting strictly, so a typo stops start-up', () => {
    expect(parseAllowedNetworks('')).toEqual([]);
    expect(parseAllowedNetworks(' , ')).toEqual([]);
    expect(describeAllowedNetworks(parseAllowedNetworks('10.0.0.0/8, 127.0.0.1,fd00::/8'))).toBe(
      '10.0.0.0/8,127.0.0.1/32,fd00::/8',
    );
    expect(() => parseAllowedNetworks('10.0.0.0/8,intranet')).toThrow(
      '"intranet" is not an IP address or CIDR network',
    );
    expect(() => parseAllowedNetworks('192.168.1.1/16')).toThrow('did you mean 192.168.0.0/16?');
    expect(() => parseAllowedNetworks('10.0.0.0/40')).toThrow('at most /32');
  });

  it('refuses names of the machine itself and of metadata services, however written', () => {
    for (const name of [
      'localhost',
      'LOCALHOST',
      'localhost.',
      'api.localhost',
      'localhost.localdomain',
      'ip6-localhost',
    ])
      expect(refusedHostName(name)).toBe(`${name} names a loopback address`);
    for (const name of [
      'metadata.google.internal',
      'metadata.google.internal.',
      'metadata',
      'instance-data.ec2.internal',
    ])
      expect(refusedHostName(name)).toBe(`${name} names a cloud metadata service address`);
    for (const name of ['hooks.haugiang.gov.vn', 'localhost.example.vn', 'notlocalhost', 'metadata.example.vn'])
      expect(refusedHostName(name)).toBeUndefined();
  });
});
