/**
 * Starts task workflows as children of the calling workflow (programme or breakthrough cycle),
 * abandoned on parent close so they outlive its continue-as-new. Deterministic code only.
 */
import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy } from '@temporalio/common';
import { ParentClosePolicy, startChild } from '@temporalio/workflow';
import { taskWorkflowId } from '@app/temporal/workflow-ids';
import { TASK_WORKFLOW_TYPE, TaskWorkflowInput } from './definitions';

/** Children started per workflow task: bounds the burst of commands and events. */
const START_BATCH = 50;

/** Starts the children in batches; one that exists or existed already (a retried start) is left as it is. */
export async function startChildTasks(inputs: TaskWorkflowInput[]): Promise<void> {
  for (let i = 0; i < inputs.length; i += START_BATCH) {
    await Promise.all(
      inputs.slice(i, i + START_BATCH).map(async (input) => {
        try {
          await startChild(TASK_WORKFLOW_TYPE, {
            workflowId: taskWorkflowId(input.setup.taskId),
            args: [input],
            parentClosePolicy: ParentClosePolicy.ABANDON,
            // A task id is never given to a second workflow, even once the first has closed.
            workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
          });
        } catch (err) {
          if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
        }
      }),
    );
  }
}
