/**
 * National-scale benchmark: prints figures, asserts nothing but its own consistency checks.
 *
 *   npm run bench -- national [readmodel|morning|actions|workers|memory|cleanup]
 *   BENCH_NATIONAL_SCALE=0.01 npm run bench -- national readmodel      (a quick run at 1% of the country)
 *
 * Each part uses its own database, queue prefix and task queue, and starts its own Temporal dev server
 * where it needs one, so nothing here touches a running stack. See docs/benchmarks.md.
 */
import 'reflect-metadata';
import { installQuietRuntime } from '../../test/utils/time-skipping-env';
import { SCALE, SIZE } from './national-common';

const PARTS = ['readmodel', 'morning', 'actions', 'workers', 'memory', 'cleanup'] as const;
type Part = (typeof PARTS)[number];

const RUN: Record<Part, () => Promise<void>> = {
  readmodel: async () => (await import('./national-readmodel')).readModel(),
  morning: async () => (await import('./national-morning')).deadlineMorning(),
  actions: async () => (await import('./national-actions')).steadyActions(),
  workers: async () => (await import('./national-workers')).oneVersusThreeWorkers(),
  memory: async () => (await import('./national-workers')).memoryPerCachedWorkflow(),
  cleanup: async () => (await import('./national-cleanup')).cleanUp(),
};

async function main(): Promise<void> {
  const asked = process.argv.slice(2).filter((a) => a !== '');
  const unknown = asked.filter((a) => !(PARTS as readonly string[]).includes(a));
  if (unknown.length) throw new Error(`unknown part(s) ${unknown.join(', ')}; choose from ${PARTS.join(', ')}`);
  const parts = asked.length ? (asked as Part[]) : [...PARTS];
  installQuietRuntime();
  console.log(`national benchmark at scale ${SCALE}: ${JSON.stringify(SIZE)}`);
  for (const part of parts) await RUN[part]();
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(`national benchmark failed: ${(err as Error).stack ?? err}`);
    process.exit(1);
  },
);
