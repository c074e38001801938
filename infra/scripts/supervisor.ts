/**
 * Keeps the local system's apps running under `npm start`: starts each command, prefixes its output
 * with its name (and copies it to <log-dir>/<name>.log), and when one exits on its own restarts only
 * that one after a backoff (1 s doubling to 30 s, reset after a minute up), saying so. SIGINT/SIGTERM
 * stops every app (SIGTERM, then SIGKILL after --stop-timeout-ms) and exits.
 *
 *   node dist/infra/scripts/supervisor.js [--log-dir DIR] [--backoff-ms N] [--max-backoff-ms N]
 *     [--stable-ms N] [--stop-timeout-ms N] name='command arg …' …
 *
 * Commands are split on spaces and run without a shell.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, WriteStream } from 'node:fs';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import { BackoffOptions, DEFAULT_BACKOFF, nextRestartDelay } from './restart-backoff';

interface App {
  name: string;
  argv: string[];
  child?: ChildProcess;
  startedAt: number;
  delayMs: number;
  restarts: number;
  timer?: NodeJS.Timeout;
  log?: WriteStream;
}

interface Options extends BackoffOptions {
  logDir?: string;
  stopTimeoutMs: number;
}

const say = (msg: string) => process.stderr.write(`[supervisor] ${msg}\n`);

function parseArgs(args: string[]): { opts: Options; apps: App[] } {
  const opts: Options = { ...DEFAULT_BACKOFF, stopTimeoutMs: 10_000 };
  const apps: App[] = [];
  const numeric: Record<string, keyof Options> = {
    '--backoff-ms': 'initialMs',
    '--max-backoff-ms': 'maxMs',
    '--stable-ms': 'stableMs',
    '--stop-timeout-ms': 'stopTimeoutMs',
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--log-dir') opts.logDir = args[++i];
    else if (numeric[arg]) {
      const n = Number(args[++i]);
      if (!Number.isInteger(n) || n < 0) throw new Error(`${arg} needs a whole number of milliseconds`);
      (opts as unknown as Record<string, number>)[numeric[arg]] = n;
    } else {
      const m = /^([a-z][a-z0-9-]*)=(.+)$/.exec(arg);
      if (!m) throw new Error(`expected name='command …', got ${JSON.stringify(arg)}`);
      apps.push({ name: m[1], argv: m[2].trim().split(/\s+/), startedAt: 0, delayMs: 0, restarts: 0 });
    }
  }
  if (!apps.length) throw new Error('no apps to supervise');
  return { opts, apps };
}

function main(): void {
  const { opts, apps } = parseArgs(process.argv.slice(2));
  let stopping = false;
  if (opts.logDir) mkdirSync(opts.logDir, { recursive: true });

  const start = (app: App) => {
    app.timer = undefined;
    app.startedAt = Date.now();
    const child = spawn(app.argv[0], app.argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    app.child = child;
    app.log ??= opts.logDir ? createWriteStream(path.join(opts.logDir, `${app.name}.log`), { flags: 'a' }) : undefined;
    for (const stream of [child.stdout!, child.stderr!])
      createInterface({ input: stream }).on('line', (line) => {
        process.stderr.write(`[${app.name}] ${line}\n`);
        app.log?.write(`${line}\n`);
      });
    child.on('error', (err) => say(`${app.name} could not start: ${err.message}`));
    say(`started ${app.name} (pid ${child.pid})`);
    child.on('exit', (code, signal) => {
      app.child = undefined;
      if (stopping) return;
      const upMs = Date.now() - app.startedAt;
      app.delayMs = nextRestartDelay(app.delayMs, upMs, opts);
      app.restarts++;
      const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      say(
        `${app.name} ${how} after ${(upMs / 1000).toFixed(1)} s; restarting it in ${app.delayMs / 1000} s ` +
          `(restart ${app.restarts}); the other apps keep running`,
      );
      app.timer = setTimeout(() => start(app), app.delayMs);
    });
  };

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping ${apps.map((a) => a.name).join(', ')}`);
    for (const app of apps) clearTimeout(app.timer);
    const running = apps.filter((a) => a.child);
    const exits = running.map((a) => new Promise((resolve) => a.child!.once('exit', resolve)));
    for (const app of running) app.child!.kill('SIGTERM');
    const force = setTimeout(() => {
      for (const app of apps) if (app.child) say(`${app.name} did not stop in time; killing it`);
      for (const app of apps) app.child?.kill('SIGKILL');
    }, opts.stopTimeoutMs);
    void Promise.all(exits).then(() => {
      clearTimeout(force);
      for (const app of apps) app.log?.end();
      say('stopped');
      process.exit(0);
    });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  for (const app of apps) start(app);
}

try {
  main();
} catch (err) {
  say((err as Error).message);
  process.exit(2);
}
