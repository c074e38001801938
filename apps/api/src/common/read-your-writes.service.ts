import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';

/** How long a write waits for its projection before answering anyway (the worker may be down). */
const WAIT_MS = 10_000;
const FIRST_POLL_MS = 20;
const MAX_POLL_MS = 200;

/**
 * Read your own writes (decision 0017): a request that created something answers only once the
 * read model shows it, so the caller's next request finds it. The projection stays the worker's;
 * the API only waits for it, polling one indexed row with a deadline. Past the deadline it answers
 * anyway and logs why: the workflow runs, and the row follows when a worker does.
 */
@Injectable()
export class ReadYourWritesService {
  private readonly logger = new Logger(ReadYourWritesService.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The programme's row written by this run chain (not an older programme's under the same id). */
  programme(id: string, chainRunId: string): Promise<boolean> {
    return this.until(`programme ${id}`, `SELECT 1 FROM programme WHERE id = $1 AND chain_run_id = $2`, [
      id,
      chainRunId,
    ]);
  }

  /** The cycle's row written by this run chain. */
  cycle(cycleId: string, chainRunId: string): Promise<boolean> {
    return this.until(
      `breakthrough cycle ${cycleId}`,
      `SELECT 1 FROM breakthrough_cycle WHERE id = $1 AND chain_run_id = $2`,
      [cycleId, chainRunId],
    );
  }

  /** Every one of these tasks has a row (tasks an action just started as workflows). */
  tasks(taskIds: string[]): Promise<boolean> {
    if (taskIds.length === 0) return Promise.resolve(true);
    return this.until(
      `${taskIds.length} task(s)`,
      `SELECT 1 FROM (SELECT count(*) AS n FROM task WHERE id = ANY($1)) c WHERE c.n = $2`,
      [taskIds, taskIds.length],
    );
  }

  private async until(what: string, sql: string, params: unknown[]): Promise<boolean> {
    const deadline = Date.now() + WAIT_MS;
    for (let pause = FIRST_POLL_MS; ; pause = Math.min(pause * 2, MAX_POLL_MS)) {
      const rows: unknown[] = await this.dataSource.query(sql, params);
      if (rows.length > 0) return true;
      if (Date.now() + pause > deadline) break;
      await sleep(pause);
    }
    this.logger.warn(`${what} not in the read model after ${WAIT_MS} ms: answering without it (is a worker running?)`);
    return false;
  }
}
