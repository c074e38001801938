import { DataSource } from 'typeorm';
import {
  BreakthroughSetup,
  ContentGroup,
  DEFAULT_TASK_ESCALATION_OFFSETS,
  DEFAULT_TASK_REMINDER_OFFSETS,
  DEFAULT_WORKING_CALENDAR,
  findTemplate,
  OrgUnitKind,
  Role,
} from '@app/domain';

export interface UnitRow {
  id: string;
  parentId: string | null;
  kind: string;
}

export const loadUnits = (dataSource: DataSource): Promise<UnitRow[]> =>
  dataSource.query(`SELECT id, parent_id AS "parentId", kind FROM org_unit`);

/** A committee and its Standing Committee units: who opens, appraises and is not invited to register. */
export function leadershipOf(units: readonly UnitRow[], unitId: string): string[] {
  return [
    unitId,
    ...units.filter((u) => u.parentId === unitId && u.kind === OrgUnitKind.STANDING_COMMITTEE).map((u) => u.id),
  ];
}

export interface CycleArgs {
  year: number;
  title: string;
  registrationDeadline: string;
  appraisalDeadline: string;
  memberInChargeId?: string | null;
  fieldGroup?: string | null;
  templateId?: string;
  contentGroups?: ContentGroup[];
  parentCycleId?: string | null;
}

/**
 * The setup of a committee's cycle: its Standing Committee appraises, the `invitees` (its own units and
 * the committees right below it, from the access module) register, the year ends on its last working day. Optional fields only when given,
 * so a cycle opened without them has the setup it always had.
 */
export async function cycleSetup(
  dataSource: DataSource,
  units: readonly UnitRow[],
  unitId: string,
  a: CycleArgs,
  createdBy: string,
  invitees: readonly string[],
): Promise<BreakthroughSetup> {
  const leadership = leadershipOf(units, unitId);
  const appraisers: Array<{ id: string }> = await dataSource.query(
    `SELECT id FROM person WHERE unit_id = ANY($1) AND $2 = ANY(roles) AND active ORDER BY id`,
    [leadership, Role.STANDING_COMMITTEE],
  );
  const template = findTemplate(a.templateId ?? 'action-programme')!;
  const lastWorkingDay = DEFAULT_WORKING_CALENDAR.subtractWorkingDaysFromDate(`${a.year + 1}-01-01`, 1);
  return {
    unitId,
    year: a.year,
    title: a.title,
    memberInChargeId: a.memberInChargeId ?? null,
    fieldGroup: a.fieldGroup ?? null,
    appraiserIds: appraisers.map((x) => x.id),
    invitedUnitIds: invitees.filter((id) => !leadership.includes(id)),
    registrationDeadline: new Date(a.registrationDeadline).toISOString(),
    appraisalDeadline: new Date(a.appraisalDeadline).toISOString(),
    yearEndsAt: DEFAULT_WORKING_CALENDAR.deadlineOn(lastWorkingDay).toISOString(),
    reminderOffsets: [...template.reminderOffsets],
    taskReminderOffsets: [...(template.taskReminderOffsets ?? DEFAULT_TASK_REMINDER_OFFSETS)],
    taskEscalationOffsets: [...(template.taskEscalationOffsets ?? DEFAULT_TASK_ESCALATION_OFFSETS)],
    createdBy,
    ...(a.contentGroups?.length ? { contentGroups: a.contentGroups } : {}),
    ...(a.parentCycleId ? { parentCycleId: a.parentCycleId } : {}),
  };
}
