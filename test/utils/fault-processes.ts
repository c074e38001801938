/**
 * What the fault suite (test/faults-*.e2e-spec.ts) shares: the apps started from their entry points
 * as processes of their own, so a test can SIGKILL them for real, and the fault points' arm files
 * (libs/observability/src/fault-points.ts) with which a test holds a process at a chosen place.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { FaultPointName, faultPointFiles } from '../../libs/observability/src/fault-points';
import { eventually } from './eventually';

const ROOT = path.resolve(__dirname, '../..');
/** ts-node compiles an app's sources at every start: slow on a busy machine. */
const START_TIMEOUT_MS = 180_000;
/** For a test or hook that starts apps as processes. */
export const SPAWNING_TIMEOUT_MS = 2 * START_TIMEOUT_MS + 60_000;

const ENTRY = {
  api: { main: 'apps/api/src/main.ts', ready: 'API listening on' },
  worker: { main: 'apps/worker/src/main.ts', ready: 'worker polling task queue' },
} as const;

export interface AppProcess {
  child: ChildProcess;
  /** Everything it printed so far (for failure messages). */
  output(): string;
}

/** Starts an app from its entry point (ts-node over SWC, as the notifier's fault test does) and waits for its ready line. */
export async function spawnApp(app: keyof typeof ENTRY, env: NodeJS.ProcessEnv): Promise<AppProcess> {
  const child = spawn(process.execPath, ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register', ENTRY[app].main], {
    cwd: ROOT,
    env: { ...env, LOG_LEVEL: 'info', TS_NODE_TRANSPILE_ONLY: 'true', TS_NODE_SWC: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (c: string) => (output = (output + c).slice(-20_000));
  // Readiness is read from stdout's own chunks, not from `output`: pino writes asynchronously, so the
  // ready line can arrive ahead of a burst of route logs in one chunk larger than the tail kept.
  const printedReady = lineWatcher(ENTRY[app].ready);
  child.stdout!.setEncoding('utf8');
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', keep);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${app} did not start within ${START_TIMEOUT_MS / 1000} s: ${output.slice(-2000)}`)),
      START_TIMEOUT_MS,
    );
    child.stdout!.on('data', (c: string) => {
      keep(c);
      if (printedReady(c)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${app} exited with ${code ?? signal}: ${output.slice(-2000)}`));
    });
  });
  child.removeAllListeners('exit');
  return { child, output: () => output };
}

/**
 * Feeds a stream's chunks in order; answers whether `line` has been printed so far. Sees it whatever
 * the chunks' sizes and wherever they split it (it keeps the last `line.length - 1` characters).
 */
export function lineWatcher(line: string): (chunk: string) => boolean {
  let carry = '';
  let seen = false;
  return (chunk) => {
    if (seen) return true;
    const text = carry + chunk;
    seen = text.includes(line);
    carry = line.length > 1 ? text.slice(1 - line.length) : '';
    return seen;
  };
}

/** Sends the signal and waits for the process to be gone. */
export async function stopProcess(child: ChildProcess | undefined, signal: NodeJS.Signals): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill(signal);
  await exited;
}

/** A directory of arm files, handed to the apps as FAULT_POINTS_DIR. */
export class FaultPointsDir {
  readonly dir = mkdtempSync(path.join(tmpdir(), 'ap-fault-points-'));

  /** Holds the next processes that reach `point` for `subject` there (until `release`). */
  arm(point: FaultPointName, subject: string): void {
    writeFileSync(faultPointFiles(this.dir, point, subject).arm, '');
  }

  release(point: FaultPointName, subject: string): void {
    rmSync(faultPointFiles(this.dir, point, subject).arm, { force: true });
  }

  /** Waits until a process holds at the point, and returns what it holds (the point's detail). */
  async held<T = unknown>(point: FaultPointName, subject: string, timeoutMs = 30_000): Promise<T> {
    const file = faultPointFiles(this.dir, point, subject).held;
    await eventually(() => existsSync(file), `a process held at ${point} for ${subject}`, timeoutMs);
    return (JSON.parse(readFileSync(file, 'utf8')) as { detail: T }).detail;
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
