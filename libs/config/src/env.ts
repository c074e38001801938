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
  parse(raw: string): T;
  describe: string;
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
      if (v.default === undefined) problems.push(`${name} is required (${v.describe})`);
      else out[name] = v.default;
      continue;
    }
    try {
      out[name] = v.parse(raw.trim());
    } catch (e) {
      problems.push(`${name}=${JSON.stringify(raw)} is not valid: ${(e as Error).message} (${v.describe})`);
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

export function secret(describe: string, minLength: number, localDefault: string): VarSpec<string> {
  return {
    describe,
    // A development default only: production refuses to start without a real secret.
    default: process.env.NODE_ENV === 'production' ? undefined : localDefault,
    parse(raw) {
      if (raw.length < minLength) throw new Error(`expected at least ${minLength} characters`);
      return raw;
    },
  };
}
