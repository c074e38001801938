import { ConfigError, loadConfig, secret } from './env';

describe('secret()', () => {
  const spec = () => ({ KEY: secret('signing key', 32, ['published-once-in-the-repository-0123456789']) });

  it('is required in production, naming the variable', () => {
    expect(() => loadConfig(spec(), { NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig(spec(), { NODE_ENV: 'production' })).toThrow(/KEY is required \(signing key\)/);
  });

  it('elsewhere defaults to a random value, the same within a process, different per spec (per process)', () => {
    const a = spec();
    const first = loadConfig(a, { NODE_ENV: 'test' }).KEY;
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(loadConfig(a, { NODE_ENV: 'development' }).KEY).toBe(first);
    expect(loadConfig(spec(), { NODE_ENV: 'test' }).KEY).not.toBe(first);
  });

  it('refuses short values and published ones, and takes any other', () => {
    expect(() => loadConfig(spec(), { KEY: 'short' })).toThrow(
      /KEY \(value not shown\) is not valid: expected at least 32/,
    );
    expect(() => loadConfig(spec(), { KEY: 'short' })).not.toThrow(/short/);
    expect(() => loadConfig(spec(), { KEY: 'published-once-in-the-repository-0123456789' })).toThrow(
      /published in the repository/,
    );
    const key = 'x'.repeat(40);
    expect(loadConfig(spec(), { NODE_ENV: 'production', KEY: key }).KEY).toBe(key);
  });
});
