/**
 * What the programme does to task workflows besides starting them: an inspection finding reopens a
 * finished task (a new run of the same workflow id, from its last state), and a programme that ends
 * cancels its open tasks or carries them to the programme that supersedes it. Deterministic code only.
 */
import {
  ParentClosePolicy,
  getExternalWorkflowHandle,
  patched,
  proxyActivities,
  startChild,
} from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { ownTaskIds, ProgrammeEnding, ProgrammeState, ReopenOrder, TaskStatus } from '@app/domain';
import { taskWorkflowId } from '@app/temporal/workflow-ids';
import { ACTIVITY_OPTIONS } from '../common/workflow-runtime';
import type { TaskActivities } from '../task/activity-interfaces';
import { programmeEndedSignal, TASK_WORKFLOW_TYPE } from '../task/definitions';

const { loadTaskSnapshot } = proxyActivities<TaskActivities>(ACTIVITY_OPTIONS);

/** Patch: cancelling or superseding a programme cancels its open tasks or carries them on. */
export const PATCH_ENDING_ENDS_TASKS = 'programme-ending-ends-tasks-v1';
/** Signals sent per batch. */
const BATCH = 50;

export interface TaskReopen {
  taskId: string;
  order: ReopenOrder;
}

/** Starts the reopened run of each task from its last published state (a task with no state is skipped). */
export async function reopenTasks(reopens: TaskReopen[], programmeWorkflowId: string): Promise<void> {
  for (const { taskId, order } of reopens) {
    const state = await loadTaskSnapshot({ taskId });
    if (!state || state.status !== TaskStatus.DONE) continue;
    try {
      await startChild(TASK_WORKFLOW_TYPE, {
        workflowId: taskWorkflowId(taskId),
        args: [
          {
            setup: state.setup,
            reportToWorkflowId: programmeWorkflowId,
            carried: { state, firedTimerKeys: [], effectSeq: 0, runs: 1 },
            reopen: order,
          },
        ],
        parentClosePolicy: ParentClosePolicy.ABANDON,
      });
    } catch (err) {
      // Still closing after its last step: the finding stays recorded, the task is not reopened twice.
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    }
  }
}

/** Whether ending this programme now ends its tasks (histories from before the patch do not). */
export function endingEndsTasks(): boolean {
  return patched(PATCH_ENDING_ENDS_TASKS);
}

/** The ending each open task is told of, or null when the programme did not end by cancel or supersede. */
export function endingOf(s: ProgrammeState, actorId: string, at: string): ProgrammeEnding | null {
  if (s.phase !== 'CANCELLED' && s.phase !== 'SUPERSEDED') return null;
  return {
    programmeId: s.setup.programmeId,
    outcome: s.phase,
    reason: s.endReason ?? '',
    actorId,
    at,
    byProgrammeId: s.phase === 'SUPERSEDED' ? s.supersededBy : null,
  };
}

/** Tells every task not known to be finished; a task whose workflow has closed is passed over. */
export async function endTasks(s: ProgrammeState, ending: ProgrammeEnding): Promise<void> {
  const open = ownTaskIds(s).filter((id) => {
    const status = s.taskOutcomes?.[id]?.status;
    return status !== TaskStatus.DONE && status !== TaskStatus.CANCELLED;
  });
  for (let i = 0; i < open.length; i += BATCH) {
    await Promise.all(
      open.slice(i, i + BATCH).map(async (id) => {
        try {
          await getExternalWorkflowHandle(taskWorkflowId(id)).signal(programmeEndedSignal, ending);
        } catch {
          // Closed already (done or cancelled before its outcome arrived): nothing to end.
        }
      }),
    );
  }
}
