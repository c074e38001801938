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
