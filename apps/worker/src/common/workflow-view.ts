import { Client } from '@temporalio/client';
import type { QueryDefinition } from '@temporalio/common';

/** Where a projection activity finds what it writes. */
export interface ProjectionSource<I, V, P> {
  /** Inputs scheduled by histories recorded before the view query carry their own copy: it is used as it is. */
  carried(input: I): P | undefined;
  fromView(view: V): P;
}

/**
 * A projection activity: what it writes comes from the workflow's view query, not from its input.
 * Queries are not recorded, so the history keeps only the changes however large the state grows.
 */
export function projectionActivity<I extends { workflowId: string }, V, P>(
  client: Client,
  query: QueryDefinition<V>,
  source: ProjectionSource<I, V, P>,
  write: (input: I, projected: P) => Promise<void>,
): (input: I) => Promise<void> {
  return async (input) => {
    const carried = source.carried(input);
    const projected =
      carried !== undefined ? carried : source.fromView(await client.workflow.getHandle(input.workflowId).query(query));
    await write(input, projected);
  };
}
