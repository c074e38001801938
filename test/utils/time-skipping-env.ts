/**
 * The time-skipping Temporal test server (the project's pinned binary) with the custom search
 * attributes registered, for workflow tests and benchmarks that run years of calendar time; and
 * what the workflow tests share on it: the server per test file, a worker, activities that record.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { SearchAttributeType } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { type CalendarYear, calendarYearsBetween } from '../../libs/domain/src/calendar';
import { CUSTOM_SEARCH_ATTRIBUTES } from '../../libs/temporal/src/search-attributes';
import type {
  BreakthroughActivities,
  PublishBreakthroughChangesInput,
} from '../../workflows/src/breakthrough/definitions';
import type { ProgrammeActivities, PublishChangesInput } from '../../workflows/src/programme/activity-interfaces';
import type {
  LoadWorkingCalendarInput,
  PublishTaskChangesInput,
  TaskActivities,
} from '../../workflows/src/task/activity-interfaces';

const ROOT = path.resolve(__dirname, '../..');

export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  const server = process.env.TEMPORAL_TEST_SERVER ?? path.join(ROOT, '.tools/temporal/bin/temporal-test-server');
  if (!existsSync(server)) {
    throw new Error(
      `Temporal time-skipping test server not found at ${server}; run "bash infra/temporal/install.sh" ` +
        'or set TEMPORAL_TEST_SERVER to the binary. Nothing here ever skips.',
    );
  }
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: server } },
  });
  // The test server knows no custom search attributes; without these the workflow's
  // upsertSearchAttributes fails every workflow task ("search attribute ProgrammePhase is not defined").
  await env.connection.operatorService.addSearchAttributes({
    namespace: 'default',
    searchAttributes: Object.fromEntries(CUSTOM_SEARCH_ATTRIBUTES.map((k) => [k.name, indexedValueType(k.type)])),
  });
  return env;
}

/** temporal.api.enums.v1.IndexedValueType of an SDK search attribute type. */
function indexedValueType(type: SearchAttributeType): number {
  const types: Partial<Record<SearchAttributeType, number>> = {
    [SearchAttributeType.TEXT]: 1,
    [SearchAttributeType.KEYWORD]: 2,
    [SearchAttributeType.INT]: 3,
    [SearchAttributeType.DOUBLE]: 4,
    [SearchAttributeType.BOOL]: 5,
    [SearchAttributeType.DATETIME]: 6,
    [SearchAttributeType.KEYWORD_LIST]: 7,
  };
  const value = types[type];
  if (value === undefined) throw new Error(`no indexed value type for search attribute type ${type}`);
  return value;
}

/** A logger that says nothing (webpack bundling, workers in benchmarks). */
export function quietLogger() {
  const nothing = () => undefined;
  return { info: nothing, warn: nothing, error: nothing, debug: nothing, trace: nothing, log: nothing } as never;
}

/** Every run of a continue-as-new chain, oldest first, with its history length and size (as JSON). */
export async function runHistories(
  client: {
    workflow: { getHandle(id: string, runId?: string): { fetchHistory(): Promise<{ events?: unknown[] | null }> } };
  },
  workflowId: string,
  firstRunId: string,
): Promise<Array<{ runId: string; events: number; jsonBytes: number }>> {
  const runs: Array<{ runId: string; events: number; jsonBytes: number }> = [];
  let runId: string | undefined = firstRunId;
  while (runId) {
    const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
    const events = (history.events ?? []) as Array<{
      workflowExecutionContinuedAsNewEventAttributes?: { newExecutionRunId?: string | null } | null;
    }>;
    runs.push({ runId, events: events.length, jsonBytes: Buffer.byteLength(JSON.stringify(history)) });
    runId = events.at(-1)?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId ?? undefined;
  }
  return runs;
}

let runtimeInstalled = false;

/** Installs the Temporal SDK runtime with a warnings-only logger, once per process. */
export function installQuietRuntime(): void {
  if (runtimeInstalled) return;
  Runtime.install({ logger: new DefaultLogger('WARN') });
  runtimeInstalled = true;
}

/**
 * The activities of all three workflows, writing nothing: each call is recorded (what the worker's
 * activities would read through the view queries, a test reads itself); `calendarTable` stands
 * for the admin-edited working-day table.
 */
export function recordingActivities(calendarTable: CalendarYear[] = []) {
  const programmes: PublishChangesInput[] = [];
  const tasks: PublishTaskChangesInput[] = [];
  const cycles: PublishBreakthroughChangesInput[] = [];
  const calendarRequests: LoadWorkingCalendarInput[] = [];
  // The workflows send today's input shapes only; the union admits those of older histories.
  const activities: ProgrammeActivities & TaskActivities & BreakthroughActivities = {
    async publishProgrammeChanges(input) {
      programmes.push(input as PublishChangesInput);
    },
    async publishTaskChanges(input) {
      tasks.push(input as PublishTaskChangesInput);
    },
    async publishBreakthroughChanges(input) {
      cycles.push(input as PublishBreakthroughChangesInput);
    },
    async loadWorkingCalendar(input) {
      calendarRequests.push(input);
      return calendarYearsBetween(calendarTable, input.fromYear, input.toYear);
    },
    // No read model here: a reopening finds no snapshot and is skipped.
    async loadTaskSnapshot() {
      return null;
    },
  };
  return { activities, programmes, tasks, cycles, calendarRequests };
}

/** The notifications published in these changes, of one kind or all. */
export function notificationsIn<N extends { kind: string }>(
  changes: Array<{ notifications: N[] }>,
  kind?: string,
): N[] {
  return changes.flatMap((c) => c.notifications).filter((n) => kind === undefined || n.kind === kind);
}
