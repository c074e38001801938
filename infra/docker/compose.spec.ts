/**
 * The Compose file's trust boundary, checked on the file itself (no Docker engine needed): only the
 * API is published, on 127.0.0.1 by default; Postgres, Redis and Temporal live on internal networks;
 * only the api and the worker (and Temporal's own one-shots and database) reach Temporal; UIs without
 * authentication exist only in the debug profile; the Temporal server runs on Postgres; apps have
 * readiness checks; the worker scales and drains, and reaches a document store outside the stack only through
 * the opt-in compose.object-store.yml. Variables take their defaults, as `docker compose up` with no .env would.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { load } from 'js-yaml';
import { CUSTOM_SEARCH_ATTRIBUTES } from '../../libs/temporal/src/search-attributes';

interface Service {
  image?: string;
  command?: string[];
  container_name?: string;
  stop_grace_period?: string;
  healthcheck?: { test?: string[] };
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
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

/** depends_on with a YAML merge key (`<<: *anchor`) resolved as Compose resolves it. */
function dependsOn(service: Service): Record<string, { condition: string }> {
  const deps = (service.depends_on ?? {}) as Record<string, { condition: string }> & { '<<'?: Service['depends_on'] };
  const { '<<': merged, ...own } = deps;
  return { ...(merged ?? {}), ...own };
}

/** environment with its YAML merge keys (`<<: *anchor` or `<<: [*a, *b]`) resolved as Compose resolves them. */
function environmentOf(service: Service): Record<string, string> {
  const env = (service.environment ?? {}) as Record<string, string> & { '<<'?: Record<string, string>[] };
  const { '<<': merged, ...own } = env;
  return Object.assign({}, ...[merged ?? []].flat(), own);
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
    const exposed = ['postgres', 'redis', 'temporal', 'temporal-postgres'].flatMap((name) => {
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
    expect(onThem.sort()).toEqual([
      'api',
      'temporal-postgres',
      'temporal-schema',
      'temporal-setup',
      'temporal-ui',
      'worker',
    ]);
    expect(compose.services['temporal-ui'].profiles).toEqual(['debug']);
  });

  it('runs the official Temporal server on Postgres, set up by one-shots in order, and no UI by default', () => {
    const t = compose.services;
    expect(withDefaults(t.temporal.image ?? '')).toMatch(/^temporalio\/server:\d+\.\d+\.\d+$/);
    expect(t.temporal.environment).toMatchObject({ DB: 'postgres12', POSTGRES_SEEDS: 'temporal-postgres' });
    expect(withDefaults(t['temporal-schema'].image ?? '')).toMatch(/^temporalio\/admin-tools:/);
    expect(t['temporal-schema'].command?.join(' ')).toMatch(/setup-schema[\s\S]*update-schema/);
    expect(dependsOn(t.temporal)['temporal-schema']?.condition).toBe('service_completed_successfully');
    expect(dependsOn(t['temporal-setup']).temporal?.condition).toBe('service_healthy');
    for (const app of ['api', 'worker', 'notifier'])
      expect([app, dependsOn(t[app])['temporal-setup']?.condition]).toEqual([app, 'service_completed_successfully']);
    const uis = byDefault.filter(([, s]) => /temporalio\/ui/.test(s.image ?? '')).map(([name]) => name);
    expect(uis).toEqual([]);
  });

  it('registers the namespace and every search attribute the project defines, from the shared file', () => {
    const setup = compose.services['temporal-setup'];
    expect(setup.command?.join(' ')).toMatch(/namespace create --namespace default/);
    expect(setup.command?.join(' ')).toMatch(/search-attribute create/);
    const mounted = (setup.volumes ?? []).map((v) => v.split(':')[0]);
    expect(mounted).toContain('./infra/temporal/search-attributes.txt');
    const file = readFileSync(path.join(__dirname, '../temporal/search-attributes.txt'), 'utf8');
    const names = file
      .split('\n')
      .filter((l) => /^\w+=/.test(l))
      .map((l) => l.split('=')[0]);
    expect(names.sort()).toEqual(CUSTOM_SEARCH_ATTRIBUTES.map((k) => k.name).sort());
  });

  it('gives every long-running service a health check; apps check readiness on their ops listener', () => {
    const unchecked = byDefault
      .filter(
        ([name, s]) => !s.healthcheck && !['migrate', 'temporal-schema', 'temporal-setup', 'mailpit'].includes(name),
      )
      .map(([name]) => name);
    expect(unchecked).toEqual([]);
    const ports = { api: 9464, worker: 9465, notifier: 9466 };
    for (const [app, port] of Object.entries(ports))
      expect([app, compose.services[app].healthcheck?.test?.join(' ')]).toEqual([
        app,
        expect.stringContaining(`http://127.0.0.1:${port}/health/ready`),
      ]);
  });

  it('lets the worker scale (no fixed name or port) and drain before Docker kills it', () => {
    const worker = compose.services.worker;
    expect([worker.container_name, worker.ports]).toEqual([undefined, undefined]);
    const grace = Number(withDefaults(String(worker.environment?.WORKER_SHUTDOWN_GRACE_MS ?? '')));
    const stop = /^(\d+)s$/.exec(worker.stop_grace_period ?? '');
    expect(grace).toBeGreaterThan(0);
    expect(stop && Number(stop[1]) * 1000).toBeGreaterThan(grace + 5000);
  });

  it('tells the api and the worker alike where documents and review reports are kept, and lets the worker out to a bucket only when asked', () => {
    const storageVars = (app: string) =>
      Object.entries(environmentOf(compose.services[app]))
        .filter(([name]) => name.startsWith('DOCUMENT_S3_') || name === 'DOCUMENT_STORAGE')
        .sort(([a], [b]) => a.localeCompare(b));
    expect(storageVars('api').map(([name]) => name)).toEqual([
      'DOCUMENT_S3_ACCESS_KEY_ID',
      'DOCUMENT_S3_BUCKET',
      'DOCUMENT_S3_ENDPOINT',
      'DOCUMENT_S3_REGION',
      'DOCUMENT_S3_SECRET_ACCESS_KEY',
      'DOCUMENT_STORAGE',
    ]);
    expect(storageVars('worker')).toEqual(storageVars('api'));
    // Nothing committed: each comes from the operator's environment or .env, empty meaning the default.
    for (const [name, value] of storageVars('api')) expect([name, withDefaults(value)]).toEqual([name, '']);
    // No way out by default; the opt-in file gives the worker alone one network out, and nothing else.
    expect(networksOf(compose.services.worker).sort()).toEqual(['data', 'temporal']);
    const optIn = load(readFileSync(path.join(__dirname, 'compose.object-store.yml'), 'utf8')) as ComposeFile;
    expect(Object.keys(optIn.services)).toEqual(['worker']);
    expect(networksOf(optIn.services.worker).sort()).toEqual(['data', 'object-store', 'temporal']);
    expect(Object.keys(optIn.networks ?? {})).toEqual(['object-store']);
    expect(optIn.networks?.['object-store']?.internal).not.toBe(true);
    expect(compose.networks?.['object-store']).toBeUndefined();
  });

  it('builds the app image on Node 22 with npm ci', () => {
    const dockerfile = readFileSync(path.join(__dirname, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:22-/m);
    expect(dockerfile).toMatch(/RUN npm ci /);
    expect(dockerfile).not.toMatch(/RUN npm install/);
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
