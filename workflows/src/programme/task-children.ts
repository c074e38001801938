/**
 * Task workflows as children of a programme: one per task issued with the programme or added by an
 * annual plan. Abandoned on parent close, so they outlive the programme's continue-as-new; they
 * report back by signalling the programme's workflow id. Deterministic code only.
 */
import { patched } from '@temporalio/workflow';
import {
  DEFAULT_TASK_ESCALATION_OFFSETS,
  DEFAULT_TASK_REMINDER_OFFSETS,
  ProgrammeState,
  ProgrammeTask,
  ProgrammeTemplate,
  programmeTaskId,
  TaskSource,
} from '@app/domain';
import { TaskWorkflowInput } from '../task/definitions';
import { startChildTasks } from '../task/start-task-children';

/** Histories recorded before tasks ran as workflows replay without starting children. */
export const TASK_CHILDREN_PATCH = 'task-child-workflows';

function taskInput(
  s: ProgrammeState,
  template: ProgrammeTemplate,
  programmeWorkflowId: string,
  t: ProgrammeTask,
  source: TaskSource,
  assignerId: string,
  year?: number,
): TaskWorkflowInput {
  return {
    setup: {
      taskId: programmeTaskId(s.setup.programmeId, t.code, year),
      programmeId: s.setup.programmeId,
      code: t.code,
      title: t.title,
      source,
      responsibleUnitId: t.responsibleUnitId,
      responsiblePersonId: t.responsiblePersonId,
      coordinatingUnitIds: t.coordinatingUnitIds ?? [],
      assignerId,
      // A task assigned by field carries its group's supervising member (older tasks carry neither).
      memberInChargeId: t.memberInChargeId ?? s.setup.memberInChargeId,
      fieldGroup: t.fieldGroup ?? s.setup.fieldGroup,
      issuingUnitId: s.setup.issuingUnitId,
      isBreakthrough: false,
      dueAt: new Date(t.dueAt).toISOString(),
      reminderOffsets: [...(template.taskReminderOffsets ?? DEFAULT_TASK_REMINDER_OFFSETS)],
      escalationOffsets: [...(template.taskEscalationOffsets ?? DEFAULT_TASK_ESCALATION_OFFSETS)],
    },
    reportToWorkflowId: programmeWorkflowId,
  };
}

/** The task workflows an applied action calls for: issued tasks on issue, the plan's on addAnnualPlan, corrective ones on recordInspection. */
export function tasksStartedBy(
  action: string,
  s: ProgrammeState,
  template: ProgrammeTemplate,
  programmeWorkflowId: string,
): TaskWorkflowInput[] {
  if (action === 'issue' && s.issuance) {
    const issuance = s.issuance;
    return issuance.tasks.map((t) => taskInput(s, template, programmeWorkflowId, t, 'PROGRAMME', issuance.by));
  }
  if (action === 'recordInspection') {
    // Corrective tasks of the latest inspection (none in histories from before findings opened tasks).
    const inspection = s.implementation.inspections[s.implementation.inspections.length - 1];
    const codes = new Set(inspection?.correctiveTaskCodes ?? []);
    return (s.implementation.correctiveTasks ?? [])
      .filter((t) => codes.has(t.code) && t.inspectionNo === s.implementation.inspections.length)
      .map((t) => taskInput(s, template, programmeWorkflowId, t, 'CORRECTIVE', t.by));
  }
  if (action === 'addAnnualPlan') {
    const plan = s.implementation.annualPlans[s.implementation.annualPlans.length - 1];
    return (plan?.tasks ?? []).map((t) =>
      taskInput(s, template, programmeWorkflowId, t, 'ANNUAL_PLAN', plan.by, plan.year),
    );
  }
  return [];
}

/** Starts the children, unless this history was recorded before tasks ran as workflows. */
export async function startTaskChildren(inputs: TaskWorkflowInput[]): Promise<void> {
  if (inputs.length === 0 || !patched(TASK_CHILDREN_PATCH)) return;
  await startChildTasks(inputs);
}
