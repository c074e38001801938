import { parseAllowedNetworks } from './webhook-address-policy';
import {
  ResolveHost,
  resolveWebhookTarget,
  webhookTargetPolicy,
  WebhookTargetRefusedError,
  WebhookTargetUnresolvedError,
} from './webhook-target';

const open = { allowedNetworks: parseAllowedNetworks(''), httpsOnly: false };
const noDns: ResolveHost = (name) => Promise.reject(new Error(`looked up ${name}`));
const dns =
  (records: Record<string, string[]>): ResolveHost =>
  async (name) => {
    if (!(name in records)) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
    return records[name].map((address) => ({ address }));
  };

async function refusal(url: string, policy = open, resolve: ResolveHost = noDns): Promise<string> {
  const err = await resolveWebhookTarget(url, policy, resolve).then(
    () => undefined,
    (e: Error) => e,
  );
  if (!(err instanceof WebhookTargetRefusedError)) throw new Error(`${url} was not refused: ${err?.message}`);
  return err.message;
}

describe('webhook targets', () => {
  it('refuses every spelling of loopback and metadata addresses in the issue, without asking DNS', async () => {
    expect(await refusal('http://127.0.0.1:6379/')).toMatch(/^127\.0\.0\.1 is a loopback address/);
    expect(await refusal('http://[::1]/')).toMatch(/^::1 is a loopback address/);
    expect(await refusal('http://2130706433/')).toMatch(/^127\.0\.0\.1 is a loopback address/);
    expect(await refusal('http://0x7f.0.0.1/')).toMatch(/^127\.0\.0\.1 is a loopback address/);
    expect(await refusal('http://0177.0.0.1/')).toMatch(/^127\.0\.0\.1 is a loopback/);
    expect(await refusal('http://127.1/')).toMatch(/^127\.0\.0\.1 is a loopback/);
    expect(await refusal('http://[::ffff:127.0.0.1]/')).toBe('::ffff:7f00:1 is an IPv4-mapped IPv6 address');
    expect(await refusal('http://169.254.169.254/latest/meta-data/')).toBe(
      '169.254.169.254 is a cloud metadata service address',
    );
    expect(await refusal('http://[fd00:ec2::254]/')).toBe('fd00:ec2::254 is a cloud metadata service address');
    expect(await refusal('http://0/')).toBe('0.0.0.0 is an unspecified ("this host") address');
    expect(await refusal('http://localhost:8233/')).toBe('localhost names a loopback address');
    expect(await refusal('http://metadata.google.internal/computeMetadata/v1/')).toBe(
      'metadata.google.internal names a cloud metadata service address',
    );
  });

  it('refuses a name if any of its addresses is refused, naming the name and the address', async () => {
    const resolve = dns({
      'rebind.example.vn': ['127.0.0.1'],
      'mixed.example.vn': ['203.162.4.190', '2402:800::1', '10.0.0.7'],
      'v6.example.vn': ['2402:800::1', '::1'],
      'meta.example.vn': ['169.254.169.254'],
    });
    expect(await refusal('https://rebind.example.vn/x', open, resolve)).toMatch(
      /^rebind\.example\.vn resolves to 127\.0\.0\.1: 127\.0\.0\.1 is a loopback address/,
    );
    expect(await refusal('https://mixed.example.vn/x', open, resolve)).toMatch(
      /^mixed\.example\.vn resolves to 10\.0\.0\.7: 10\.0\.0\.7 is a private address/,
    );
    expect(await refusal('https://v6.example.vn/x', open, resolve)).toMatch(/resolves to ::1: ::1 is a loopback/);
    expect(await refusal('https://meta.example.vn/x', open, resolve)).toMatch(/cloud metadata service/);
  });

  it('pins the first checked address and keeps the name for Host and TLS', async () => {
    const target = await resolveWebhookTarget(
      'https://hooks.haugiang.gov.vn:8443/notify?x=1',
      open,
      dns({ 'hooks.haugiang.gov.vn': ['2402:0800:0000::1', '203.162.4.190'] }),
    );
    expect(target).toMatchObject({ hostname: 'hooks.haugiang.gov.vn', port: 8443, address: '2402:800::1', family: 6 });
    expect(target.url.pathname).toBe('/notify');
    const literal = await resolveWebhookTarget('http://[2402:800::1]/', open, noDns);
    expect(literal).toMatchObject({ hostname: '2402:800::1', port: 80, address: '2402:800::1', family: 6 });
    expect(await resolveWebhookTarget('https://203.162.4.190/', open, noDns)).toMatchObject({ port: 443, family: 4 });
  });

  it('checks again on every call, so a name that later resolves elsewhere is refused then', async () => {
    const answers = [['203.162.4.190'], ['127.0.0.1']];
    const rebinding: ResolveHost = async () => answers.shift()!.map((address) => ({ address }));
    await expect(resolveWebhookTarget('https://hooks.example.vn/', open, rebinding)).resolves.toMatchObject({
      address: '203.162.4.190',
    });
    expect(await refusal('https://hooks.example.vn/', open, rebinding)).toMatch(/resolves to 127\.0\.0\.1/);
  });

  it('lets the operator allow a private network, and only that one', async () => {
    const policy = { ...open, allowedNetworks: parseAllowedNetworks('127.0.0.1,10.20.0.0/16') };
    await expect(resolveWebhookTarget('http://127.0.0.1:8080/hooks', policy, noDns)).resolves.toMatchObject({
      address: '127.0.0.1',
      port: 8080,
    });
    const resolve = dns({ 'intranet.example.vn': ['10.20.1.2'], 'other.example.vn': ['10.30.1.2'] });
    await expect(resolveWebhookTarget('http://intranet.example.vn/', policy, resolve)).resolves.toMatchObject({
      address: '10.20.1.2',
    });
    expect(await refusal('http://other.example.vn/', policy, resolve)).toMatch(/10\.30\.1\.2 is a private address/);
    expect(await refusal('http://[::1]/', policy)).toMatch(/loopback/);
    // By name, `localhost` stays refused: it is a different machine for the API and for the notifier.
    expect(await refusal('http://localhost/', policy)).toBe('localhost names a loopback address');
  });

  it('refuses plain http in production, and anything but http(s)', async () => {
    const production = webhookTargetPolicy({ NODE_ENV: 'production', WEBHOOK_ALLOWED_NETWORKS: [] });
    expect(production.httpsOnly).toBe(true);
    expect(webhookTargetPolicy({ NODE_ENV: 'development', WEBHOOK_ALLOWED_NETWORKS: [] }).httpsOnly).toBe(false);
    expect(await refusal('http://203.162.4.190/', production)).toBe(
      'http://203.162.4.190 is not https; in production webhooks go over https only',
    );
    await expect(resolveWebhookTarget('https://203.162.4.190/', production, noDns)).resolves.toBeDefined();
    expect(await refusal('ftp://203.162.4.190/')).toMatch(/must be an http or https URL/);
    expect(await refusal('not a url')).toMatch(/is not a URL/);
  });

  it('reports a name that does not resolve as unresolved, not refused: it may resolve later', async () => {
    const err = await resolveWebhookTarget('https://gone.example.vn/', open, dns({})).catch((e: Error) => e);
    expect(err).toBeInstanceOf(WebhookTargetUnresolvedError);
    expect((err as Error).message).toBe('gone.example.vn does not resolve (ENOTFOUND)');
    const none = await resolveWebhookTarget('https://empty.example.vn/', open, dns({ 'empty.example.vn': [] })).catch(
      (e: Error) => e,
    );
    expect(none).toBeInstanceOf(WebhookTargetUnresolvedError);
  });
});
