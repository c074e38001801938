import { ConfigError } from '@app/config';
import { describeAllowedNetworks } from '@app/notifications';
import { loadNotifierConfig } from './notifier.config';

describe('WEBHOOK_ALLOWED_NETWORKS', () => {
  it('allows no private network unless set', () => {
    expect(loadNotifierConfig({}).WEBHOOK_ALLOWED_NETWORKS).toEqual([]);
  });

  it('reads a comma-separated CIDR list', () => {
    const { WEBHOOK_ALLOWED_NETWORKS } = loadNotifierConfig({ WEBHOOK_ALLOWED_NETWORKS: '10.20.0.0/16, fd00:1::/32' });
    expect(describeAllowedNetworks(WEBHOOK_ALLOWED_NETWORKS)).toBe('10.20.0.0/16,fd00:1::/32');
  });

  it('stops start-up on a malformed entry, naming the variable and the entry', () => {
    let err: unknown;
    try {
      loadNotifierConfig({ WEBHOOK_ALLOWED_NETWORKS: '10.0.0.0/8,intranet.local' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).problems).toEqual([
      expect.stringMatching(/^WEBHOOK_ALLOWED_NETWORKS=.*"intranet\.local" is not an IP address or CIDR network/),
    ]);
  });
});

describe('NOTIFIER_DISPATCH_CONCURRENCY', () => {
  it('runs 100 dispatch jobs at once unless set, apart from the outside channels', () => {
    const config = loadNotifierConfig({});
    expect(config.NOTIFIER_DISPATCH_CONCURRENCY).toBe(100);
    expect(config.NOTIFIER_CONCURRENCY).toBe(10);
    expect(loadNotifierConfig({ NOTIFIER_DISPATCH_CONCURRENCY: '250' }).NOTIFIER_DISPATCH_CONCURRENCY).toBe(250);
  });

  it.each(['0', '1001', 'many'])('stops start-up on %s, naming the variable', (value) => {
    expect(() => loadNotifierConfig({ NOTIFIER_DISPATCH_CONCURRENCY: value })).toThrow(
      expect.objectContaining({ problems: [expect.stringMatching(/^NOTIFIER_DISPATCH_CONCURRENCY=/)] }),
    );
  });
});
