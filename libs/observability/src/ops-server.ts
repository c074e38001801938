import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';

/** A dependency check for readiness: resolves when the dependency answers, rejects (with why) when not. */
export type ReadinessCheck = () => Promise<unknown>;

export interface OpsServerOptions {
  host: string;
  port: number;
  registry: Registry;
  /** Named checks; the process is ready when every one resolves within `checkTimeoutMs`. */
  readiness: Record<string, ReadinessCheck>;
  /** More Prometheus text appended to the registry's (e.g. the Temporal SDK's own exporter). */
  extraMetrics?: () => Promise<string>;
  checkTimeoutMs?: number;
}

export interface OpsServer {
  port: number;
  close(): Promise<void>;
}

/**
 * The operations listener of a process: `GET /metrics` (Prometheus text), `GET /health/live` (the
 * process answers: 200) and `GET /health/ready` (its dependencies answer: 200, else 503 naming which
 * are down). Plain node:http, so it answers even while the app's own stack is busy or broken; bound to
 * 127.0.0.1 unless configured otherwise, because metrics describe the inside of the deployment.
 */
export async function startOpsServer(opts: OpsServerOptions): Promise<OpsServer> {
  const timeoutMs = opts.checkTimeoutMs ?? 2000;
  const server = createServer((req, res) => {
    handle(req, res, opts, timeoutMs).catch((err: Error) => send(res, 500, 'text/plain', `${err.message}\n`));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return { port: (server.address() as AddressInfo).port, close: () => closeServer(server) };
}

async function handle(req: IncomingMessage, res: ServerResponse, opts: OpsServerOptions, timeoutMs: number) {
  const path = (req.url ?? '/').split('?')[0];
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'only GET\n');
  if (path === '/health/live') return send(res, 200, 'application/json', JSON.stringify({ status: 'up' }));
  if (path === '/health/ready') {
    const down = await failingChecks(opts.readiness, timeoutMs);
    const body = { status: down.length ? 'down' : 'up', ...(down.length ? { down } : {}) };
    return send(res, down.length ? 503 : 200, 'application/json', JSON.stringify(body));
  }
  if (path === '/metrics') {
    const own = await opts.registry.metrics();
    const extra = opts.extraMetrics ? await opts.extraMetrics().catch(() => '') : '';
    return send(res, 200, opts.registry.contentType, extra ? `${own}\n${extra}` : own);
  }
  send(res, 404, 'text/plain', 'not found\n');
}

/** The names of the checks that failed or did not answer in time. */
export async function failingChecks(checks: Record<string, ReadinessCheck>, timeoutMs: number): Promise<string[]> {
  const results = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => ((await withTimeout(check(), timeoutMs)) ? null : name)),
  );
  return results.filter((name): name is string => name !== null);
}

async function withTimeout(check: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([
      check.then(
        () => true,
        () => false,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' }).end(body);
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
