/**
 * The Compose file's trust boundary, checked on the file itself (no Docker engine needed): only the
 * API is published, on 127.0.0.1 by default; Postgres, Redis and Temporal live on internal networks;
 * only the api and the worker reach Temporal; UIs without authentication exist only in the debug
 * profile. Variables take their defaults, as `docker compose up` with no .env would.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { load } from 'js-yaml';

interface Service {
  image?: string;
  command?: string[];
  profiles?: string[];
  networks?: string[] | Record<string, unknown>;
  ports?: (string | { host_ip?: string; published?: string | number })[];
  expose?: unknown[];
  network_mode?: string;
  environment?: Record<string, string>;
}
interface ComposeFile {
  services: Record<string, Service>;
  networks?: Record<string, { internal?: boolean } | null>;
}

const compose = load(readFileSync(path.join(__dirname, '../../docker-compose.yml'), 'utf8')) as ComposeFile;
const services = Object.entries(compose.services);
const byDefault = services.filter(([, s]) => !s.profiles?.length);

/** `${NAME:-default}` and `${NAME:?message}` with nothing set; `$$` is a literal dollar. */
function withDefaults(value: string): string {
  return value
    .replace(/\$\{[A-Z0-9_]+(?::-([^}]*))?(?::\?[^}]*)?\}/g, (_m, dflt: string | undefined) => dflt ?? '')
    .replace(/\$\$/g, '$');
}

/** Host address each port is published on ('0.0.0.0' when the mapping names none). */
function publishedOn(service: Service): string[] {
  return (service.ports ?? []).map((port) => {
    if (typeof port !== 'string') return port.host_ip ?? '0.0.0.0';
    const parts = withDefaults(port).split(':');
    return parts.length === 3 ? parts[0] : '0.0.0.0';
  });
}

function networksOf(service: Service): string[] {
  if (!service.networks) return ['default'];
  return Array.isArray(service.networks) ? service.networks : Object.keys(service.networks);
}

describe('docker-compose.yml', () => {
  it('publishes only the API by default, on 127.0.0.1', () => {
    const published = byDefault.filter(([, s]) => s.ports?.length).map(([name]) => name);
    expect(published).toEqual(['api']);
    expect(publishedOn(compose.services.api)).toEqual(['127.0.0.1']);
  });

  it('publishes the debug profile only on 127.0.0.1', () => {
    const debug = services.filter(([, s]) => s.profiles?.includes('debug'));
    const open = debug.flatMap(([name, s]) =>
      publishedOn(s)
        .filter((a) => a !== '127.0.0.1')
        .map((a) => `${name} on ${a}`),
    );
    expect(open).toEqual([]);
  });

  it('keeps Postgres, Redis and Temporal unpublished, on internal networks only', () => {
    const exposed = ['postgres', 'redis', 'temporal'].flatMap((name) => {
      const service = compose.services[name];
      return [
        ...(service.ports ?? []).map((p) => `${name} publishes ${JSON.stringify(p)}`),
        ...(service.network_mode ? [`${name} has network_mode ${service.network_mode}`] : []),
        ...networksOf(service)
          .filter((n) => compose.networks?.[n]?.internal !== true)
          .map((n) => `${name} is on ${n}, which is not internal`),
      ];
    });
    expect(exposed).toEqual([]);
  });

  it('lets only the api and the worker (and the debug UI) reach Temporal', () => {
    const temporalNetworks = networksOf(compose.services.temporal);
    const onThem = services
      .filter(([name, s]) => name !== 'temporal' && networksOf(s).some((n) => temporalNetworks.includes(n)))
      .map(([name]) => name);
    expect(onThem.sort()).toEqual(['api', 'temporal-ui', 'worker']);
    expect(compose.services['temporal-ui'].profiles).toEqual(['debug']);
  });

  it('runs no Temporal UI by default: the dev server is headless', () => {
    expect(compose.services.temporal.command).toContain('--headless');
    expect(compose.services.temporal.command).not.toContain('--ui-port');
    const uis = byDefault.filter(([, s]) => /temporalio\/ui/.test(s.image ?? '')).map(([name]) => name);
    expect(uis).toEqual([]);
  });

  it('declares every network a service joins, and no service is on the implicit default network', () => {
    const declared = Object.keys(compose.networks ?? {});
    const undeclared = services.flatMap(([name, s]) =>
      networksOf(s)
        .filter((n) => !declared.includes(n))
        .map((n) => `${name} on ${n}`),
    );
    expect(undeclared).toEqual([]);
  });
});
