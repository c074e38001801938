import { randomBytes } from 'node:crypto';

/**
 * Typed, validated environment configuration. Each app declares the variables it reads; a missing
 * or malformed one stops start-up with a message that names it.
 */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

export interface VarSpec<T> {
  /** Default used when the variable is unset or empty; omit to make the variable required. */
  default?: T;
  /** A default that depends on the rest of the environment (e.g. NODE_ENV); wins over `default`. */
  defaultFor?(env: NodeJS.ProcessEnv): T | undefined;
  parse(raw: string): T;
  describe: string;
  /** Never repeat the value in an error message (it would land in logs). */
  sensitive?: boolean;
}

type Parsed<S> = { [K in keyof S]: S[K] extends VarSpec<infer T> ? T : never };

export function loadConfig<S extends Record<string, VarSpec<unknown>>>(
  spec: S,
  env: NodeJS.ProcessEnv = process.env,
): Parsed<S> {
  const problems: string[] = [];
  const out: Record<string, unknown> = {};
  for (const [name, v] of Object.entries(spec)) {
    const raw = env[name];
    if (raw === undefined || raw === '') {
      const dflt = v.defaultFor ? v.defaultFor(env) : v.default;
      if (dflt === undefined) problems.push(`${name} is required (${v.describe})`);
      else out[name] = dflt;
      continue;
    }
    try {
      out[name] = v.parse(raw.trim());
    } catch (e) {
      const shown = v.sensitive ? `${name} (value not shown)` : `${name}=${JSON.stringify(raw)}`;
      problems.push(`${shown} is not valid: ${(e as Error).message} (${v.describe})`);
    }
  }
  if (problems.length) throw new ConfigError(problems);
  return out as Parsed<S>;
}

export function str(describe: string, dflt?: string): VarSpec<string> {
  return { describe, default: dflt, parse: (raw) => raw };
}

export function int(describe: string, dflt?: number, min = 0, max = Number.MAX_SAFE_INTEGER): VarSpec<number> {
  return {
    describe,
    default: dflt,
    parse(raw) {
      if (!/^-?\d+$/.test(raw)) throw new Error('expected a whole number');
      const n = Number(raw);
      if (n < min || n > max) throw new Error(`expected ${min}..${max}`);
      return n;
    },
  };
}

export function url(describe: string, protocols: string[], dflt?: string): VarSpec<string> {
  return {
    describe,
    default: dflt,
    parse(raw) {
      let u: URL;
      try {
        u = new URL(raw);
      } catch {
        throw new Error('expected a URL');
      }
      if (!protocols.includes(u.protocol.replace(/:$/, ''))) throw new Error(`expected ${protocols.join(' or ')}://`);
      return raw;
    },
  };
}

/** host:port, as Temporal's client expects. */
export function hostPort(describe: string, dflt?: string): VarSpec<string> {
  return {
    describe,
    default: dflt,
    parse(raw) {
      const m = /^([A-Za-z0-9.\-_]+|\[[0-9a-fA-F:]+\]):(\d{1,5})$/.exec(raw);
      if (!m || Number(m[2]) > 65535) throw new Error('expected host:port');
      return raw;
    },
  };
}

export function oneOf<T extends string>(describe: string, values: readonly T[], dflt?: T): VarSpec<T> {
  return {
    describe,
    default: dflt,
    parse(raw) {
      if (!values.includes(raw as T)) throw new Error(`expected one of ${values.join(', ')}`);
      return raw as T;
    },
  };
}

/**
 * A secret no default of which is ever written down: production requires it; elsewhere an unset one is
 * a random value made once per process (tokens then do not outlive a restart; `npm start` keeps one in
 * the data folder instead). Values listed in `refused` (ones that were once committed) are rejected.
 */
export function secret(describe: string, minLength: number, refused: readonly string[] = []): VarSpec<string> {
  let ephemeral: string | undefined;
  return {
    describe,
    sensitive: true,
    defaultFor(env) {
      if (env.NODE_ENV === 'production' || process.env.NODE_ENV === 'production') return undefined;
      ephemeral ??= randomBytes(32).toString('base64url');
      return ephemeral;
    },
    parse(raw) {
      if (raw.length < minLength) throw new Error(`expected at least ${minLength} characters`);
      if (refused.includes(raw)) throw new Error('this value is published in the repository; generate a random one');
      return raw;
    },
  };
}
