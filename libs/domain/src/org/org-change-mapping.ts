/**
 * What a restructuring does to a running programme, task or breakthrough cycle: every unit id that
 * names a predecessor is replaced by its successor's, the change is remembered (one effect per
 * request id) and written into the object's history with the units before and after. Pure: the
 * workflows call these from their `applyOrgChange` update.
 */
import type { AuditEffect, NotifyEffect } from '../common/effects';
import { rememberRequestId } from '../common/applied-requests';
import type { BreakthroughEffect, BreakthroughState } from '../breakthrough/breakthrough-state';
import type { ProgrammeState, Review } from '../programme/programme-state';
import { isTaskClosed, TaskState } from '../task/task-state';

/** What a workflow is told: the change and its unit map (predecessor id → successor id). */
export interface OrgChangeMapping {
  changeId: string;
  effectiveDate: string;
  units: Record<string, string>;
  /** Tasks only: who carries the task from now on (decided by the sender); absent = the person stays. */
  responsiblePersonId?: string | null;
}

/** The unit ids before and after, as the history row keeps them. */
export type UnitChanges = Record<string, { from: unknown; to: unknown }>;

const mapId = (m: OrgChangeMapping, id: string): string => m.units[id] ?? id;
const mapIds = (m: OrgChangeMapping, ids: string[]): string[] => [...new Set(ids.map((id) => mapId(m, id)))];

/** Records `name` in `changes` when the mapped value differs, and returns the mapped value. */
function track<T>(changes: UnitChanges, name: string, before: T, after: T): T {
  if (JSON.stringify(before) !== JSON.stringify(after)) changes[name] = { from: before, to: after };
  return after;
}

function auditOf(m: OrgChangeMapping, actorId: string | null, changes: UnitChanges): AuditEffect {
  const before = Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v.from]));
  const after = Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v.to]));
  return {
    type: 'audit',
    action: 'org.changed',
    actorId,
    before,
    after: { ...after, changeId: m.changeId, effectiveDate: m.effectiveDate },
  };
}

/** Open reviews expect the successor's report; a report the predecessor already gave counts for it. */
function mapOpenReview(m: OrgChangeMapping, r: Review): void {
  if (r.closedAt) return;
  r.expectedUnitIds = mapIds(m, r.expectedUnitIds);
  for (const [unitId, report] of Object.entries(r.reports)) {
    const to = mapId(m, unitId);
    if (to !== unitId && !r.reports[to]) {
      r.reports[to] = report;
      delete r.reports[unitId];
    }
  }
}

/**
 * A programme's units: the issuing unit, the units responsible for targets and tasks, and the
 * units its open reviews expect. Closed reviews, inspections and evaluations keep the names they had.
 */
export function applyOrgChangeToProgramme(
  s: ProgrammeState,
  m: OrgChangeMapping,
  actorId: string | null,
  requestId: string,
): AuditEffect[] {
  const changes: UnitChanges = {};
  s.setup.issuingUnitId = track(changes, 'issuingUnitId', s.setup.issuingUnitId, mapId(m, s.setup.issuingUnitId));
  if (s.issuance) {
    const targets = s.issuance.targets.map((t) => t.responsibleUnitId);
    for (const t of s.issuance.targets) t.responsibleUnitId = mapId(m, t.responsibleUnitId);
    track(
      changes,
      'targetUnitIds',
      targets,
      s.issuance.targets.map((t) => t.responsibleUnitId),
    );
  }
  const tasks = [...(s.issuance?.tasks ?? []), ...s.implementation.annualPlans.flatMap((p) => p.tasks)];
  const taskUnits = tasks.map((t) => t.responsibleUnitId);
  for (const t of tasks) {
    t.responsibleUnitId = mapId(m, t.responsibleUnitId);
    t.coordinatingUnitIds = mapIds(m, t.coordinatingUnitIds);
  }
  track(
    changes,
    'taskUnitIds',
    taskUnits,
    tasks.map((t) => t.responsibleUnitId),
  );
  for (const r of s.implementation.reviews) mapOpenReview(m, r);
  if (s.finalReview.review) mapOpenReview(m, s.finalReview.review);
  for (const o of Object.values(s.taskOutcomes ?? {}))
    if (!isTaskClosed(o.status)) o.responsibleUnitId = mapId(m, o.responsibleUnitId);
  rememberRequestId(s, requestId);
  s.version += 1;
  return [auditOf(m, actorId, changes)];
}

/**
 * A task's units: the issuing and responsible units and the coordinating ones. The responsible
 * person changes only when the sender decided so (a person who left with an abolished unit); the
 * new person is told the task is now theirs.
 */
export function applyOrgChangeToTask(
  s: TaskState,
  m: OrgChangeMapping,
  actorId: string | null,
  requestId: string,
): Array<AuditEffect | NotifyEffect> {
  const changes: UnitChanges = {};
  s.setup.issuingUnitId = track(changes, 'issuingUnitId', s.setup.issuingUnitId, mapId(m, s.setup.issuingUnitId));
  s.responsibleUnitId = track(changes, 'responsibleUnitId', s.responsibleUnitId, mapId(m, s.responsibleUnitId));
  s.setup.coordinatingUnitIds = track(
    changes,
    'coordinatingUnitIds',
    s.setup.coordinatingUnitIds,
    mapIds(m, s.setup.coordinatingUnitIds),
  );
  const effects: Array<AuditEffect | NotifyEffect> = [];
  const person = m.responsiblePersonId;
  if (person && person !== s.responsiblePersonId && !isTaskClosed(s.status)) {
    s.responsiblePersonId = track(changes, 'responsiblePersonId', s.responsiblePersonId, person);
    const params = { taskId: s.setup.taskId, code: s.setup.code, title: s.setup.title, dueAt: s.dueAt };
    effects.push({ type: 'notify', kind: 'TASK_ASSIGNED', recipientIds: [person], params });
  }
  rememberRequestId(s, requestId);
  s.version += 1;
  return [auditOf(m, actorId, changes), ...effects];
}

/**
 * A cycle's units: the committee it belongs to now (its id and its tasks' ids keep the original
 * unit, so they never change), the units invited to register, and the units of open registrations.
 */
export function applyOrgChangeToCycle(
  s: BreakthroughState,
  m: OrgChangeMapping,
  actorId: string | null,
  requestId: string,
): BreakthroughEffect[] {
  const changes: UnitChanges = {};
  const current = s.unitId ?? s.setup.unitId;
  const next = track(changes, 'unitId', current, mapId(m, current));
  if (next !== s.setup.unitId || s.unitId) s.unitId = next;
  s.setup.invitedUnitIds = track(changes, 'invitedUnitIds', s.setup.invitedUnitIds, mapIds(m, s.setup.invitedUnitIds));
  const regs = s.registrations.map((r) => r.unitId);
  for (const r of s.registrations) r.unitId = mapId(m, r.unitId);
  track(
    changes,
    'registrationUnitIds',
    regs,
    s.registrations.map((r) => r.unitId),
  );
  rememberRequestId(s, requestId);
  s.version += 1;
  // A cycle's history rows keep only what happened: the units before and after go in one record.
  const after = { changes, changeId: m.changeId, effectiveDate: m.effectiveDate };
  return [{ type: 'audit', action: 'org.changed', actorId, after }];
}

/** The unit a cycle belongs to now (its setup keeps the unit it was started for). */
export const cycleUnitId = (s: BreakthroughState): string => s.unitId ?? s.setup.unitId;
