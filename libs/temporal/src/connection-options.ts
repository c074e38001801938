import { readFileSync } from 'node:fs';
import type { TLSConfig } from '@temporalio/client';
import { ConfigError } from '@app/config';

/** The configuration variables that say how to reach Temporal (declared in the shared config). */
export interface TemporalConnectionConfig {
  NODE_ENV: string;
  TEMPORAL_ADDRESS: string;
  TEMPORAL_TLS: 'off' | 'on';
  TEMPORAL_TLS_CA_FILE: string;
  TEMPORAL_TLS_CERT_FILE: string;
  TEMPORAL_TLS_KEY_FILE: string;
  TEMPORAL_TLS_SERVER_NAME: string;
  TEMPORAL_API_KEY: string;
  TEMPORAL_API_KEY_FILE: string;
  TEMPORAL_ALLOW_PLAINTEXT: 'false' | 'true';
}

/**
 * What both `Connection.connect` (the client, in the api and the worker's activities) and
 * `NativeConnection.connect` (the worker's polling) accept, so the two always connect the same way.
 */
export interface TemporalConnectionOptions {
  address: string;
  /** Absent: plain gRPC, as against a local dev server. */
  tls?: TLSConfig;
  /** Sent as `Authorization: Bearer <key>`. A secret: never log these options. */
  apiKey?: string;
}

export interface TemporalConnectionPlan {
  options: TemporalConnectionOptions;
  /** Weak but accepted set-ups, for the log at start-up; they never contain the API key. */
  warnings: string[];
}

export type ReadFile = (path: string) => Buffer;

/**
 * Builds the connection options from the configuration, reading the certificate and key files once.
 * Contradictory or unreadable settings throw a ConfigError naming each variable, so a bad value
 * stops start-up instead of surfacing later as a TLS handshake error.
 */
export function buildTemporalConnectionOptions(
  config: TemporalConnectionConfig,
  readFile: ReadFile = (path) => readFileSync(path),
): TemporalConnectionPlan {
  const problems: string[] = [];
  const warnings: string[] = [];
  const tlsOn = config.TEMPORAL_TLS === 'on';
  const address = config.TEMPORAL_ADDRESS;

  const read = (name: keyof TemporalConnectionConfig, expect?: { pem: RegExp; what: string }): Buffer | undefined => {
    const path = config[name];
    if (!path) return undefined;
    let content: Buffer;
    try {
      content = readFile(path);
    } catch (err) {
      problems.push(`${name}=${path} cannot be read (${describeFsError(err)})`);
      return undefined;
    }
    if (expect && !expect.pem.test(content.toString('latin1'))) {
      problems.push(`${name}=${path} holds no PEM ${expect.what}`);
      return undefined;
    }
    return content;
  };

  if (!tlsOn) {
    const tlsOnly = [
      'TEMPORAL_TLS_CA_FILE',
      'TEMPORAL_TLS_CERT_FILE',
      'TEMPORAL_TLS_KEY_FILE',
      'TEMPORAL_TLS_SERVER_NAME',
    ];
    for (const name of tlsOnly as (keyof TemporalConnectionConfig)[]) {
      if (config[name]) problems.push(`${name} is set but TEMPORAL_TLS is off: set TEMPORAL_TLS=on to use it`);
    }
  }
  if (Boolean(config.TEMPORAL_TLS_CERT_FILE) !== Boolean(config.TEMPORAL_TLS_KEY_FILE)) {
    problems.push('TEMPORAL_TLS_CERT_FILE and TEMPORAL_TLS_KEY_FILE go together: set both or neither');
  }

  let tls: TLSConfig | undefined;
  if (tlsOn) {
    tls = {};
    const ca = read('TEMPORAL_TLS_CA_FILE', { pem: CERTIFICATE, what: 'certificate' });
    if (ca) tls.serverRootCACertificate = ca;
    if (config.TEMPORAL_TLS_CERT_FILE && config.TEMPORAL_TLS_KEY_FILE) {
      const crt = read('TEMPORAL_TLS_CERT_FILE', { pem: CERTIFICATE, what: 'certificate' });
      const key = read('TEMPORAL_TLS_KEY_FILE', { pem: PRIVATE_KEY, what: 'private key' });
      if (crt && key) tls.clientCertPair = { crt, key };
    }
    if (config.TEMPORAL_TLS_SERVER_NAME) tls.serverNameOverride = config.TEMPORAL_TLS_SERVER_NAME;
  }

  const apiKey = readApiKey(config, read, problems);
  if (apiKey !== undefined && !tlsOn) {
    // The SDK would switch TLS on by itself here; saying so in the configuration keeps it visible.
    problems.push('TEMPORAL_API_KEY needs TEMPORAL_TLS=on: the key must not cross the network in clear text');
  }

  const loopback = isLoopback(address);
  const wantsApiKey = Boolean(config.TEMPORAL_API_KEY || config.TEMPORAL_API_KEY_FILE);
  if (!tlsOn && !wantsApiKey && !loopback) {
    const risk = `Temporal at TEMPORAL_ADDRESS=${address} is reached without TLS or an API key: anyone who reaches that address can start, signal and update workflows as any user`;
    if (config.NODE_ENV === 'production' && config.TEMPORAL_ALLOW_PLAINTEXT !== 'true') {
      problems.push(
        `${risk}. Set TEMPORAL_TLS=on with a client certificate or TEMPORAL_API_KEY, or TEMPORAL_ALLOW_PLAINTEXT=true if only the api and the worker can reach that address`,
      );
    } else {
      warnings.push(`${risk}; keep it on a network only the api and the worker can reach`);
    }
  }
  if (tlsOn && !loopback && !config.TEMPORAL_TLS_CERT_FILE && !wantsApiKey) {
    warnings.push(
      `Temporal at TEMPORAL_ADDRESS=${address} is not told who is calling (no client certificate, no API key): it must refuse unknown clients some other way`,
    );
  }

  if (problems.length) throw new ConfigError(problems);
  const options: TemporalConnectionOptions = { address };
  if (tls) options.tls = tls;
  if (apiKey !== undefined) options.apiKey = apiKey;
  return { options, warnings };
}

const CERTIFICATE = /-----BEGIN CERTIFICATE-----/;
const PRIVATE_KEY = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/;
// A header value: visible ASCII only; the key itself never appears in a message.
const HEADER_SAFE = /^[\x21-\x7e]+$/;

function readApiKey(
  config: TemporalConnectionConfig,
  read: (name: keyof TemporalConnectionConfig) => Buffer | undefined,
  problems: string[],
): string | undefined {
  if (config.TEMPORAL_API_KEY && config.TEMPORAL_API_KEY_FILE) {
    problems.push('TEMPORAL_API_KEY and TEMPORAL_API_KEY_FILE are both set: set one');
    return undefined;
  }
  let name: 'TEMPORAL_API_KEY' | 'TEMPORAL_API_KEY_FILE';
  let key: string;
  if (config.TEMPORAL_API_KEY) {
    name = 'TEMPORAL_API_KEY';
    key = config.TEMPORAL_API_KEY;
  } else if (config.TEMPORAL_API_KEY_FILE) {
    name = 'TEMPORAL_API_KEY_FILE';
    const content = read(name);
    if (content === undefined) return undefined;
    // Files usually end with a newline that is not part of the key.
    key = content.toString('utf8').trim();
    if (!key) {
      problems.push(`TEMPORAL_API_KEY_FILE=${config.TEMPORAL_API_KEY_FILE} is empty`);
      return undefined;
    }
  } else {
    return undefined;
  }
  if (!HEADER_SAFE.test(key)) {
    problems.push(`${name} holds spaces or control characters, which cannot go into a request header`);
    return undefined;
  }
  return key;
}

/** 127.0.0.0/8, ::1 and localhost: a plain connection there never leaves the machine. */
export function isLoopback(address: string): boolean {
  const host = address.replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1');
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
      return 'permission denied';
    case 'EISDIR':
      return 'a directory, not a file';
    default:
      return code ?? (err as Error).message;
  }
}
