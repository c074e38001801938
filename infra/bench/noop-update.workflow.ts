/**
 * The benchmark's baseline: a workflow whose update handler does nothing but answer. A staff action
 * through the API is compared with a raw executeUpdate to this handler on the same server.
 */
import { condition, defineUpdate, setHandler } from '@temporalio/workflow';

export const noopUpdate = defineUpdate<{ ok: true }, [{ requestId: string }]>('noop');

export async function noopUpdateWorkflow(): Promise<void> {
  let stop = false;
  setHandler(noopUpdate, () => ({ ok: true as const }));
  setHandler(defineUpdate<void, []>('stop'), () => {
    stop = true;
  });
  await condition(() => stop);
}
