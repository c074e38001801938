import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { eventually } from './utils/eventually';

const ROOT = path.resolve(__dirname, '..');

/** A long-running stand-in for an app: a real Node process that stays up until signalled. */
const APP = `${process.execPath} -e setInterval(()=>{},1000)`;

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * `npm start`'s supervisor with real child processes: one SIGKILLed app is restarted after its
 * backoff and said so in the log, the others keep their process; SIGTERM stops them all.
 */
describe('the npm start supervisor (e2e)', () => {
  let supervisor: ChildProcess;
  let log = '';

  const pidsOf = (name: string) =>
    [...log.matchAll(new RegExp(`started ${name} \\(pid (\\d+)\\)`, 'g'))].map((m) => Number(m[1]));

  beforeAll(() => {
    supervisor = spawn(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        'infra/scripts/supervisor.ts',
        '--backoff-ms',
        '200',
        '--stop-timeout-ms',
        '5000',
        `api=${APP}`,
        `worker=${APP}`,
        `notifier=${APP}`,
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    supervisor.stderr!.on('data', (d: Buffer) => (log += d.toString()));
    supervisor.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  });

  afterAll(() => {
    if (supervisor.exitCode === null) supervisor.kill('SIGKILL');
    for (const name of ['api', 'worker', 'notifier'])
      for (const pid of pidsOf(name)) if (alive(pid)) process.kill(pid, 'SIGKILL');
  });

  it('restarts only the app that was killed, with a backoff, and says so', async () => {
    await eventually(() => ['api', 'worker', 'notifier'].every((n) => pidsOf(n).length === 1), 'three apps started');
    const [api, worker, notifier] = ['api', 'worker', 'notifier'].map((n) => pidsOf(n)[0]);

    process.kill(worker, 'SIGKILL');
    await eventually(() => pidsOf('worker').length === 2, 'the worker restarted', 10_000);
    expect(log).toMatch(/worker was killed by SIGKILL after [\d.]+ s; restarting it in 0\.2 s \(restart 1\)/);
    const restarted = pidsOf('worker')[1];
    expect(restarted).not.toBe(worker);
    expect(alive(restarted)).toBe(true);
    // The others were never touched.
    expect([alive(api), alive(notifier), pidsOf('api'), pidsOf('notifier')]).toEqual([true, true, [api], [notifier]]);

    // A second crash soon after waits twice as long.
    process.kill(restarted, 'SIGKILL');
    await eventually(() => pidsOf('worker').length === 3, 'the worker restarted again', 10_000);
    expect(log).toMatch(/restarting it in 0\.4 s \(restart 2\)/);
  });

  it('stops every app on SIGTERM and exits 0', async () => {
    const running = ['api', 'worker', 'notifier'].map((n) => pidsOf(n).at(-1)!);
    const exited = new Promise<number | null>((resolve) => supervisor.once('exit', resolve));
    supervisor.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(running.filter(alive)).toEqual([]);
    expect(log).toMatch(/SIGTERM: stopping api, worker, notifier/);
  });
});
