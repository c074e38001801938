import { existsSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ConfigError, VarSpec } from '@app/config';

/**
 * Fault points: named places where the fault suite (test/faults-*.e2e-spec.ts) holds a process so it
 * can kill it, or stop a server under it, at exactly that moment. Inert unless FAULT_POINTS_DIR is set,
 * which only NODE_ENV=test accepts. A test arms a point for one subject (a programme id) by creating
 * `<dir>/<point>@<subject>.arm`; a process reaching the armed point writes `<point>@<subject>.held`
 * (with what it holds) and waits there until the arm file is removed, or until it is killed.
 */
export const FAULT_POINT_NAMES = [
  /** Inside the programme projection's transaction, every row written, nothing committed. */
  'programme-projection.in-transaction',
  /** After the programme projection committed and enqueued its notifications, before the activity returns. */
  'programme-projection.after-effects',
  /** In the API, after Temporal accepted a programme action's update, before the response is sent. */
  'programme-action.accepted',
] as const;
export type FaultPointName = (typeof FAULT_POINT_NAMES)[number];

const POLL_MS = 50;

export const faultPointsConfigSpec = {
  FAULT_POINTS_DIR: {
    describe:
      'tests only (NODE_ENV=test): absolute directory of the arm files of the fault suite; empty: fault points off',
    default: '',
    parse(raw: string) {
      if (!path.isAbsolute(raw)) throw new Error('expected an absolute directory');
      return raw;
    },
  } as VarSpec<string>,
};

/** Refuses fault points outside tests: a held request or activity in production would be an outage. */
export function checkFaultPoints<C extends { NODE_ENV: string; FAULT_POINTS_DIR: string }>(config: C): C {
  if (config.FAULT_POINTS_DIR && config.NODE_ENV !== 'test')
    throw new ConfigError([`FAULT_POINTS_DIR is for tests only; unset it (NODE_ENV is ${config.NODE_ENV})`]);
  return config;
}

/** The file names of a point armed for a subject (shared by the processes and the tests that arm them). */
export function faultPointFiles(dir: string, point: FaultPointName, subject: string): { arm: string; held: string } {
  const base = path.join(dir, `${point}@${encodeURIComponent(subject)}`);
  return { arm: `${base}.arm`, held: `${base}.held` };
}

export class FaultPoints {
  /** Fault points off: `reach` returns at once. */
  static readonly OFF = new FaultPoints('');

  constructor(private readonly dir: string) {}

  /** Holds here while the point is armed for this subject; does nothing otherwise (and always when off). */
  async reach(point: FaultPointName, subject: string, detail?: unknown): Promise<void> {
    if (!this.dir) return;
    const { arm, held } = faultPointFiles(this.dir, point, subject);
    if (!existsSync(arm)) return;
    writeFileSync(held, JSON.stringify({ pid: process.pid, at: new Date().toISOString(), detail }));
    while (existsSync(arm)) await sleep(POLL_MS);
  }
}
