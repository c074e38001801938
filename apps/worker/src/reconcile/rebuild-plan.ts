import { ConfigError } from '@app/config';
import { type ProgrammeState, programmeTaskId } from '@app/domain';

export type RebuildTarget = { scope: 'programme'; programmeId: string } | { scope: 'all' };

const PROGRAMME_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** `--programme <id>` or `--all`, nothing else: a clear message otherwise. */
export function parseRebuildArgs(argv: readonly string[]): RebuildTarget {
  const usage = 'usage: npm run read-model:rebuild -- --programme <id> | --all';
  if (argv.length === 1 && argv[0] === '--all') return { scope: 'all' };
  if (argv.length === 2 && argv[0] === '--programme') {
    if (!PROGRAMME_ID.test(argv[1]))
      throw new ConfigError([`--programme: "${argv[1]}" is not a programme id; ${usage}`]);
    return { scope: 'programme', programmeId: argv[1] };
  }
  throw new ConfigError([usage]);
}

/**
 * Every task a programme started as a workflow, by task id: those issued with it, added by an annual
 * plan, opened by an inspection finding, and any that reported back (whatever the state names them).
 */
export function programmeTaskIds(s: ProgrammeState): string[] {
  const id = s.setup.programmeId;
  const ids = new Set<string>([
    ...(s.issuance?.tasks ?? []).map((t) => programmeTaskId(id, t.code)),
    ...s.implementation.annualPlans.flatMap((plan) => plan.tasks.map((t) => programmeTaskId(id, t.code, plan.year))),
    ...(s.implementation.correctiveTasks ?? []).map((t) => programmeTaskId(id, t.code)),
    ...Object.keys(s.taskOutcomes ?? {}),
  ]);
  return [...ids].sort();
}
