/**
 * Keeps real workflow histories as replay fixtures: with RECORD_HISTORIES_TO naming a folder (e.g.
 * test/fixtures/histories, which test/replay.e2e-spec.ts replays), a test hands over a workflow id
 * and every run of its continue-as-new chain is written there, one file per run, in the JSON form
 * `historyFromJSON` reads. Without the variable it does nothing, so tests call it unconditionally.
 */
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { historyToJSON, type History } from '@temporalio/common/lib/proto-utils';

interface HistorySource {
  workflow: { getHandle(id: string, runId?: string): { fetchHistory(): Promise<History> } };
}

/** Every run of a workflow's continue-as-new chain, oldest first, walking back from its latest run. */
export async function chainHistories(client: HistorySource, workflowId: string): Promise<History[]> {
  const runs: History[] = [];
  let history: History | undefined = await client.workflow.getHandle(workflowId).fetchHistory();
  while (history) {
    runs.unshift(history);
    const previousRunId: string | null | undefined =
      history.events?.[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId;
    history = previousRunId ? await client.workflow.getHandle(workflowId, previousRunId).fetchHistory() : undefined;
  }
  return runs;
}

/**
 * Writes `<name>.json` for a single run, `<name>.run1.json`, `<name>.run2.json`, ... for a chain.
 * `name` says the workflow type, the scenario and the code version recorded, e.g.
 * `task-extension-return.v1`. Returns the files written (none when not recording).
 */
export async function recordHistories(client: HistorySource, workflowId: string, name: string): Promise<string[]> {
  const folder = process.env.RECORD_HISTORIES_TO;
  if (!folder) return [];
  const runs = await chainHistories(client, workflowId);
  return runs.map((history, i) => {
    const file = path.join(folder, runs.length === 1 ? `${name}.json` : `${name}.run${i + 1}.json`);
    // Compact: the fixtures are read by code, and indentation would double their size.
    writeFileSync(file, JSON.stringify(JSON.parse(historyToJSON(history))) + '\n');
    return file;
  });
}
