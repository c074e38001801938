/**
 * Starts the project's pinned Temporal dev server (headless, in-memory) on a free port with the
 * custom search attributes registered. Used by the tests' global setup and by the benchmarks.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Connection } from '@temporalio/client';
import { freePort } from './free-port';

export { freePort };

const ROOT = path.resolve(__dirname, '../..');

async function waitForTemporal(address: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the Temporal dev server exited with code ${child.exitCode}`);
    try {
      const c = await Connection.connect({ address, connectTimeout: 1000 });
      await c.workflowService.describeNamespace({ namespace: 'default' });
      await c.close();
      return;
    } catch (err) {
      lastError = err;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`Temporal dev server did not answer on ${address} within ${timeoutMs} ms: ${String(lastError)}`);
}

export interface DevServer {
  address: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * `port` fixes the port (a restarted server answers where the apps already point); `dbFilename` keeps
 * its state in that SQLite file instead of memory, so workflows and their timers survive a restart.
 */
export async function startTemporalDevServer(opts: { port?: number; dbFilename?: string } = {}): Promise<DevServer> {
  const cli = process.env.TEMPORAL_CLI ?? path.join(ROOT, '.tools/temporal/bin/temporal');
  if (!existsSync(cli))
    throw new Error(`Temporal CLI not found at ${cli}; run "bash infra/temporal/install.sh" (npm test does)`);
  const port = opts.port ?? (await freePort());
  const address = `127.0.0.1:${port}`;
  const attributes = readFileSync(path.join(ROOT, 'infra/temporal/search-attributes.txt'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .flatMap((l) => ['--search-attribute', l]);
  const child = spawn(
    cli,
    [
      'server',
      'start-dev',
      '--headless',
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--log-level',
      'error',
      ...(opts.dbFilename ? ['--db-filename', opts.dbFilename] : []),
      ...attributes,
    ],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
      detached: false,
    },
  );
  await waitForTemporal(address, child, 60_000);
  return { address, child, stop: () => stopChild(child) };
}

export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
