/**
 * Private Postgres and Redis servers for fault tests, on free ports in temporary directories, so a
 * test can stop and start them without touching the machine's shared ones.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import * as net from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import * as path from 'node:path';
import { eventually } from './eventually';
import { freePort } from './free-port';

export function portAccepts(port: number): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const s = net.connect(port, '127.0.0.1', () => (s.end(), resolve(true)));
    s.on('error', () => resolve(false));
  });
}

/** redis-server on `port` with its files in `dir` (append-only, so a restart keeps the queues). */
export async function startPrivateRedis(port: number, dir: string): Promise<ChildProcess> {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--appendonly', 'yes', '--appendfsync', 'always'];
  const proc = spawn('redis-server', [...args, '--dir', dir, '--save', ''], { stdio: 'ignore' });
  await eventually(() => portAccepts(port), `redis-server on port ${port}`);
  return proc;
}

/** The newest installed PostgreSQL's bin directory (Debian layout), or the one on PATH. */
function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return '';
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(root, versions[0], 'bin') : '';
}

/**
 * A throw-away Postgres cluster (initdb into a temp dir, trust auth, no fsync). initdb refuses to run
 * as root, so as root the cluster belongs to the `postgres` system user.
 */
export class PrivatePostgres {
  readonly dir = mkdtempSync(path.join(tmpdir(), 'ap-private-pg-'));
  private readonly bin = postgresBin();
  private readonly asRoot = userInfo().uid === 0;
  port = 0;

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}`;
  }

  async init(): Promise<void> {
    this.port = await freePort();
    if (this.asRoot) chownSync(this.dir, Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), -1);
    this.run('initdb', ['-D', this.data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8']);
    await this.start();
  }

  async start(): Promise<void> {
    const opts = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
    this.run('pg_ctl', ['-D', this.data, '-o', opts, '-l', path.join(this.dir, 'log'), '-w', 'start']);
    await eventually(() => portAccepts(this.port), `private Postgres on port ${this.port}`);
  }

  /** Fast shutdown: open connections are terminated, as when a database server goes away. */
  stop(): void {
    this.run('pg_ctl', ['-D', this.data, '-m', 'fast', '-w', 'stop']);
  }

  destroy(): void {
    try {
      this.stop();
    } catch {
      // already stopped
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  private get data(): string {
    return path.join(this.dir, 'data');
  }

  private run(tool: string, args: string[]): void {
    const exe = this.bin ? path.join(this.bin, tool) : tool;
    const [cmd, argv] = this.asRoot ? ['runuser', ['-u', 'postgres', '--', exe, ...args]] : [exe, args];
    execFileSync(cmd, argv, { stdio: 'pipe' });
  }
}
