import { isWebhookUrlAllowed, normaliseAllowlistEntry } from './webhook-allowlist';

describe('webhook allowlist', () => {
  const entries = [
    normaliseAllowlistEntry('https://hooks.haugiang.gov.vn/notify'),
    normaliseAllowlistEntry('http://127.0.0.1:8080/'),
  ];

  it('allows the same origin under the path prefix, at a segment boundary', () => {
    expect(isWebhookUrlAllowed('https://hooks.haugiang.gov.vn/notify', entries)).toBe(true);
    expect(isWebhookUrlAllowed('https://hooks.haugiang.gov.vn/notify/skhdt?x=1', entries)).toBe(true);
    expect(isWebhookUrlAllowed('http://127.0.0.1:8080/anything', entries)).toBe(true);
  });

  it('refuses other hosts, ports, schemes, sibling paths and credentials', () => {
    expect(isWebhookUrlAllowed('https://hooks.haugiang.gov.vn/notifyX', entries)).toBe(false);
    expect(isWebhookUrlAllowed('https://hooks.haugiang.gov.vn.evil.com/notify', entries)).toBe(false);
    expect(isWebhookUrlAllowed('http://hooks.haugiang.gov.vn/notify', entries)).toBe(false);
    expect(isWebhookUrlAllowed('http://127.0.0.1:8081/', entries)).toBe(false);
    expect(isWebhookUrlAllowed('https://user:pw@hooks.haugiang.gov.vn/notify', entries)).toBe(false);
    expect(isWebhookUrlAllowed('not a url', entries)).toBe(false);
    expect(isWebhookUrlAllowed('https://hooks.haugiang.gov.vn/notify', [])).toBe(false);
  });

  it('refuses entries that are not plain http(s) prefixes', () => {
    expect(() => normaliseAllowlistEntry('ftp://x.vn/')).toThrow(/http or https/);
    expect(() => normaliseAllowlistEntry('https://x.vn/?a=1')).toThrow(/query/);
    expect(() => normaliseAllowlistEntry('nope')).toThrow(/not a URL/);
  });
});
