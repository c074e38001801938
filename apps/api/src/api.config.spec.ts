import { ConfigError } from '@app/config';
import { loadApiConfig } from './api.config';

describe('API configuration', () => {
  it('listens on 127.0.0.1 and issues 10-minute access tokens unless told otherwise', () => {
    const c = loadApiConfig({ NODE_ENV: 'test' });
    expect(c.API_HOST).toBe('127.0.0.1');
    expect(c.JWT_TTL_SECONDS).toBe(600);
    expect(c.JWT_SECRET.length).toBeGreaterThanOrEqual(32);
  });

  it('stops in production without JWT_SECRET, naming it', () => {
    expect(() => loadApiConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadApiConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET is required/);
  });

  it('never accepts the development secret that was once committed', () => {
    expect(() =>
      loadApiConfig({ NODE_ENV: 'development', JWT_SECRET: 'local-development-only-secret-change-me-0123456789' }),
    ).toThrow(/JWT_SECRET \(value not shown\) is not valid: this value is published in the repository/);
  });
});
