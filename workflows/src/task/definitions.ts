/**
 * Shared by the API (client side), the programme workflow and the task workflow: update, query and
 * signal definitions and payload types. Safe in the workflow sandbox.
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import type {
  Actor,
  AvailableAction,
  ProgrammeEnding,
  ReopenOrder,
  TaskActionName,
  TaskActionPayloads,
  TaskOutcome,
  TaskSetup,
  TaskState,
  TaskTimer,
} from '@app/domain';
import { TASK_ACTIONS } from '@app/domain';
import type { CalendarYear } from '@app/domain/calendar';
import type { RunChain } from '../common/projection-input';
import type { UpdateEnvelope } from '../common/update-envelope';

export const TASK_WORKFLOW_TYPE = 'taskWorkflow';

export type TaskActionEnvelope<N extends TaskActionName = TaskActionName> = UpdateEnvelope<TaskActionPayloads[N]>;

export interface TaskWorkflowInput {
  setup: TaskSetup;
  /** Workflow id (not run id) of the programme or breakthrough cycle told about outcomes; survives its continue-as-new. */
  reportToWorkflowId: string | null;
  carried?: {
    state: TaskState;
    firedTimerKeys: string[];
    effectSeq: number;
    runs: number;
    chain?: RunChain;
    /** The working-day table the first run loaded; absent when the task runs on the built-in calendar. */
    calendarYears?: CalendarYear[];
  };
  continueAsNewAfterEvents?: number;
  /**
   * Set when an inspection finding reopens the finished task: the new run of the same workflow id
   * starts from the finished state (in `carried`) and applies this once; continue-as-new drops it.
   */
  reopen?: ReopenOrder;
}

export interface TaskView {
  taskId: string;
  status: TaskState['status'];
  dueAt: string;
  overdue: boolean;
  pendingExtension: { newDueAt: string; reason: string; by: string; at: string } | null;
  /** Reminders and escalations still to come. */
  upcoming: Array<Pick<TaskTimer, 'kind' | 'level'> & { at: string }>;
  version: number;
  state: TaskState;
}

export const taskViewQuery = defineQuery<TaskView>('taskView');

/** What the actor may do on the task now, with each action's form (at the workflow's time). */
export const taskAvailableActionsQuery = defineQuery<AvailableAction<TaskActionName>[], [Actor]>('availableActions');

type UpdateDefs = { [N in TaskActionName]: UpdateDefinition<TaskView, [TaskActionEnvelope<N>], N> };

/** One update per staff action, named after it. */
export const taskUpdates: UpdateDefs = Object.fromEntries(
  TASK_ACTIONS.map((name) => [name, defineUpdate<TaskView, [TaskActionEnvelope]>(name)]),
) as unknown as UpdateDefs;

/** Sent by a task workflow to its programme (or breakthrough cycle) when its outcome changes. */
export const taskOutcomeSignal = defineSignal<[TaskOutcome]>('taskOutcome');

/** Sent by a programme that was cancelled or superseded to each of its open tasks. */
export const programmeEndedSignal = defineSignal<[ProgrammeEnding]>('programmeEnded');
