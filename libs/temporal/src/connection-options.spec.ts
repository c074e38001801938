import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ConfigError, loadConfig, sharedConfigSpec } from '@app/config';
import { buildTemporalConnectionOptions, isLoopback, TemporalConnectionConfig } from './connection-options';

const CA = '-----BEGIN CERTIFICATE-----\nY2E=\n-----END CERTIFICATE-----\n';
const CRT = '-----BEGIN CERTIFICATE-----\nY3J0\n-----END CERTIFICATE-----\n';
const KEY = '-----BEGIN PRIVATE KEY-----\na2V5\n-----END PRIVATE KEY-----\n';

/** The configuration as the apps load it, from an environment. */
function config(env: Record<string, string> = {}): TemporalConnectionConfig {
  return loadConfig(sharedConfigSpec, env);
}

/** A file system of a few named files; any other path is missing. */
function files(contents: Record<string, string>) {
  const reads: string[] = [];
  const readFile = (p: string): Buffer => {
    reads.push(p);
    if (!(p in contents)) throw Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
    return Buffer.from(contents[p]);
  };
  return { readFile, reads };
}

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('buildTemporalConnectionOptions', () => {
  it('with nothing set, connects in plain gRPC to the default address as before', () => {
    const fs = files({});
    const { options, warnings } = buildTemporalConnectionOptions(config(), fs.readFile);
    expect(options).toEqual({ address: '127.0.0.1:7233' });
    expect(warnings).toEqual([]);
    expect(fs.reads).toEqual([]);
  });

  it('with TLS on and nothing else, verifies the server against the system CAs', () => {
    const { options } = buildTemporalConnectionOptions(
      config({ TEMPORAL_TLS: 'on', TEMPORAL_ADDRESS: '127.0.0.1:7233' }),
      files({}).readFile,
    );
    expect(options).toEqual({ address: '127.0.0.1:7233', tls: {} });
  });

  it('reads the CA, the client certificate and key once, and passes the server name', () => {
    const fs = files({ '/etc/t/ca.pem': CA, '/etc/t/crt.pem': CRT, '/etc/t/key.pem': KEY });
    const { options, warnings } = buildTemporalConnectionOptions(
      config({
        NODE_ENV: 'production',
        TEMPORAL_ADDRESS: 'temporal.internal:7233',
        TEMPORAL_TLS: 'on',
        TEMPORAL_TLS_CA_FILE: '/etc/t/ca.pem',
        TEMPORAL_TLS_CERT_FILE: '/etc/t/crt.pem',
        TEMPORAL_TLS_KEY_FILE: '/etc/t/key.pem',
        TEMPORAL_TLS_SERVER_NAME: 'frontend.temporal',
      }),
      fs.readFile,
    );
    expect(fs.reads.sort()).toEqual(['/etc/t/ca.pem', '/etc/t/crt.pem', '/etc/t/key.pem']);
    expect(options.address).toBe('temporal.internal:7233');
    expect(Buffer.from(options.tls!.serverRootCACertificate!).toString()).toBe(CA);
    expect(Buffer.from(options.tls!.clientCertPair!.crt).toString()).toBe(CRT);
    expect(Buffer.from(options.tls!.clientCertPair!.key).toString()).toBe(KEY);
    expect(options.tls!.serverNameOverride).toBe('frontend.temporal');
    expect(options.apiKey).toBeUndefined();
    expect(warnings).toEqual([]);
  });

  it('names the variable and the path of a file that is missing', () => {
    const problems = problemsOf(() =>
      buildTemporalConnectionOptions(
        config({ TEMPORAL_TLS: 'on', TEMPORAL_TLS_CA_FILE: '/nowhere/ca.pem' }),
        files({}).readFile,
      ),
    );
    expect(problems).toEqual(['TEMPORAL_TLS_CA_FILE=/nowhere/ca.pem cannot be read (no such file)']);
  });

  it('reads real files by default and reports every missing one at once', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'temporal-tls-'));
    try {
      writeFileSync(path.join(dir, 'ca.pem'), CA);
      const problems = problemsOf(() =>
        buildTemporalConnectionOptions(
          config({
            TEMPORAL_TLS: 'on',
            TEMPORAL_TLS_CA_FILE: path.join(dir, 'ca.pem'),
            TEMPORAL_TLS_CERT_FILE: path.join(dir, 'crt.pem'),
            TEMPORAL_TLS_KEY_FILE: dir,
          }),
        ),
      );
      expect(problems).toEqual([
        `TEMPORAL_TLS_CERT_FILE=${path.join(dir, 'crt.pem')} cannot be read (no such file)`,
        `TEMPORAL_TLS_KEY_FILE=${dir} cannot be read (a directory, not a file)`,
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a file that holds no PEM of the expected kind', () => {
    const problems = problemsOf(() =>
      buildTemporalConnectionOptions(
        config({
          TEMPORAL_TLS: 'on',
          TEMPORAL_TLS_CA_FILE: '/ca.pem',
          TEMPORAL_TLS_CERT_FILE: '/crt.pem',
          TEMPORAL_TLS_KEY_FILE: '/key.pem',
        }),
        // The key and the certificate swapped: a common slip.
        files({ '/ca.pem': 'not a certificate', '/crt.pem': KEY, '/key.pem': CRT }).readFile,
      ),
    );
    expect(problems).toEqual([
      'TEMPORAL_TLS_CA_FILE=/ca.pem holds no PEM certificate',
      'TEMPORAL_TLS_CERT_FILE=/crt.pem holds no PEM certificate',
      'TEMPORAL_TLS_KEY_FILE=/key.pem holds no PEM private key',
    ]);
  });

  it.each([[{ TEMPORAL_TLS_CERT_FILE: '/crt.pem' }], [{ TEMPORAL_TLS_KEY_FILE: '/key.pem' }]])(
    'refuses a client certificate without its key, or the reverse (%j)',
    (half) => {
      const problems = problemsOf(() =>
        buildTemporalConnectionOptions(
          config({ TEMPORAL_TLS: 'on', ...half }),
          files({ '/crt.pem': CRT, '/key.pem': KEY }).readFile,
        ),
      );
      expect(problems).toEqual(['TEMPORAL_TLS_CERT_FILE and TEMPORAL_TLS_KEY_FILE go together: set both or neither']);
    },
  );

  it('refuses TLS settings while TLS is off, rather than ignoring them', () => {
    const problems = problemsOf(() =>
      buildTemporalConnectionOptions(
        config({ TEMPORAL_TLS_CA_FILE: '/ca.pem', TEMPORAL_TLS_SERVER_NAME: 'temporal' }),
        files({ '/ca.pem': CA }).readFile,
      ),
    );
    expect(problems).toEqual([
      'TEMPORAL_TLS_CA_FILE is set but TEMPORAL_TLS is off: set TEMPORAL_TLS=on to use it',
      'TEMPORAL_TLS_SERVER_NAME is set but TEMPORAL_TLS is off: set TEMPORAL_TLS=on to use it',
    ]);
  });

  it('passes the API key, and warns of nothing when TLS carries it', () => {
    const { options, warnings } = buildTemporalConnectionOptions(
      config({
        NODE_ENV: 'production',
        TEMPORAL_ADDRESS: 'ns.tmprl.example:7233',
        TEMPORAL_TLS: 'on',
        TEMPORAL_API_KEY: 'k3y.abc',
      }),
      files({}).readFile,
    );
    expect(options).toEqual({ address: 'ns.tmprl.example:7233', tls: {}, apiKey: 'k3y.abc' });
    expect(warnings).toEqual([]);
  });

  it('reads the API key from a file, without its trailing newline', () => {
    const { options } = buildTemporalConnectionOptions(
      config({ TEMPORAL_TLS: 'on', TEMPORAL_API_KEY_FILE: '/run/secrets/temporal-key' }),
      files({ '/run/secrets/temporal-key': 'from-a-file\n' }).readFile,
    );
    expect(options.apiKey).toBe('from-a-file');
  });

  it('refuses an API key without TLS, and never repeats the key in a message', () => {
    const problems = problemsOf(() =>
      buildTemporalConnectionOptions(
        config({ TEMPORAL_ADDRESS: 'temporal:7233', TEMPORAL_API_KEY: 'super-secret-key' }),
        files({}).readFile,
      ),
    );
    expect(problems).toEqual([
      'TEMPORAL_API_KEY needs TEMPORAL_TLS=on: the key must not cross the network in clear text',
    ]);
    expect(problems.join('\n')).not.toContain('super-secret-key');
  });

  it('refuses both API key variables at once, an empty key file and a key that cannot be a header', () => {
    const both = problemsOf(() =>
      buildTemporalConnectionOptions(
        config({ TEMPORAL_TLS: 'on', TEMPORAL_API_KEY: 'a', TEMPORAL_API_KEY_FILE: '/k' }),
        files({ '/k': 'b' }).readFile,
      ),
    );
    expect(both).toEqual(['TEMPORAL_API_KEY and TEMPORAL_API_KEY_FILE are both set: set one']);
    const empty = problemsOf(() =>
      buildTemporalConnectionOptions(
        config({ TEMPORAL_TLS: 'on', TEMPORAL_API_KEY_FILE: '/k' }),
        files({ '/k': '\n' }).readFile,
      ),
    );
    expect(empty).toEqual(['TEMPORAL_API_KEY_FILE=/k is empty']);
    const broken = problemsOf(() =>
      buildTemporalConnectionOptions(
        config({ TEMPORAL_TLS: 'on', TEMPORAL_API_KEY_FILE: '/k' }),
        files({ '/k': 'line one\nline two' }).readFile,
      ),
    );
    expect(broken).toEqual([
      'TEMPORAL_API_KEY_FILE holds spaces or control characters, which cannot go into a request header',
    ]);
    expect(broken.join()).not.toContain('line one');
  });

  describe('a plain connection to a Temporal that is not on this machine', () => {
    const remote = { TEMPORAL_ADDRESS: 'temporal:7233' };

    it('stops start-up in production, naming the ways out', () => {
      const problems = problemsOf(() =>
        buildTemporalConnectionOptions(config({ ...remote, NODE_ENV: 'production' }), files({}).readFile),
      );
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^Temporal at TEMPORAL_ADDRESS=temporal:7233 is reached without TLS or an API key/);
      expect(problems[0]).toMatch(/TEMPORAL_TLS=on/);
      expect(problems[0]).toMatch(/TEMPORAL_ALLOW_PLAINTEXT=true/);
    });

    it('is accepted in production with TEMPORAL_ALLOW_PLAINTEXT=true, with a warning', () => {
      const { options, warnings } = buildTemporalConnectionOptions(
        config({ ...remote, NODE_ENV: 'production', TEMPORAL_ALLOW_PLAINTEXT: 'true' }),
        files({}).readFile,
      );
      expect(options).toEqual({ address: 'temporal:7233' });
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/without TLS or an API key: anyone who reaches that address/);
    });

    it('is only warned about outside production', () => {
      const { warnings } = buildTemporalConnectionOptions(config(remote), files({}).readFile);
      expect(warnings).toHaveLength(1);
    });

    it('is warned about over TLS when Temporal is not told who calls', () => {
      const { warnings } = buildTemporalConnectionOptions(
        config({ ...remote, NODE_ENV: 'production', TEMPORAL_TLS: 'on' }),
        files({}).readFile,
      );
      expect(warnings).toEqual([
        'Temporal at TEMPORAL_ADDRESS=temporal:7233 is not told who is calling (no client certificate, no API key): it must refuse unknown clients some other way',
      ]);
    });

    it('is fine on loopback in production, as npm start runs it', () => {
      for (const address of ['127.0.0.1:7233', 'localhost:7233', '[::1]:7233']) {
        const { warnings } = buildTemporalConnectionOptions(
          config({ TEMPORAL_ADDRESS: address, NODE_ENV: 'production' }),
          files({}).readFile,
        );
        expect(warnings).toEqual([]);
      }
    });
  });

  it('tells loopback addresses from others', () => {
    expect(isLoopback('127.0.0.1:7233')).toBe(true);
    expect(isLoopback('127.10.20.30:1')).toBe(true);
    expect(isLoopback('localhost:7233')).toBe(true);
    expect(isLoopback('[::1]:7233')).toBe(true);
    expect(isLoopback('127.0.0.1.example.org:7233')).toBe(false);
    expect(isLoopback('10.0.0.5:7233')).toBe(false);
    expect(isLoopback('[::ffff:127.0.0.1]:7233')).toBe(false);
    expect(isLoopback('temporal:7233')).toBe(false);
  });
});

describe('the shared configuration', () => {
  it('refuses values outside the lists, naming the variable', () => {
    const problems = problemsOf(() => config({ TEMPORAL_TLS: 'yes', TEMPORAL_ALLOW_PLAINTEXT: '1' }));
    expect(problems).toEqual([
      expect.stringMatching(/^TEMPORAL_TLS="yes" is not valid: expected one of off, on/),
      expect.stringMatching(/^TEMPORAL_ALLOW_PLAINTEXT="1" is not valid: expected one of false, true/),
    ]);
  });
});
