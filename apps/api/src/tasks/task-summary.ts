import { TaskBucket, taskBucket } from '@app/domain';
import type { TaskEntity } from '@app/persistence';

/** The `task` read-model columns in camelCase plus the bucket at the moment of asking (shared with the console). */
export interface TaskSummary {
  id: string;
  programmeId: string | null;
  code: string;
  title: string;
  source: string;
  responsibleUnitId: string;
  responsiblePersonId: string;
  assignerId: string;
  memberInChargeId: string | null;
  fieldGroup: string | null;
  issuingUnitId: string;
  isBreakthrough: boolean;
  status: string;
  dueAt: Date;
  originalDueAt: Date;
  progressPercent: number;
  acceptedAt: Date | null;
  submittedAt: Date | null;
  doneAt: Date | null;
  updatedAt: Date;
  bucket: TaskBucket | null;
}

/** Columns a summary needs (the snapshot stays out of lists). */
export const SUMMARY_COLUMNS = [
  'id',
  'programmeId',
  'code',
  'title',
  'source',
  'responsibleUnitId',
  'responsiblePersonId',
  'assignerId',
  'memberInChargeId',
  'fieldGroup',
  'issuingUnitId',
  'isBreakthrough',
  'status',
  'dueAt',
  'originalDueAt',
  'progressPercent',
  'acceptedAt',
  'submittedAt',
  'doneAt',
  'updatedAt',
] as const;

export function toTaskSummary(t: TaskEntity, now: Date): TaskSummary {
  return {
    id: t.id,
    programmeId: t.programmeId,
    code: t.code,
    title: t.title,
    source: t.source,
    responsibleUnitId: t.responsibleUnitId,
    responsiblePersonId: t.responsiblePersonId,
    assignerId: t.assignerId,
    memberInChargeId: t.memberInChargeId,
    fieldGroup: t.fieldGroup,
    issuingUnitId: t.issuingUnitId,
    isBreakthrough: t.isBreakthrough,
    status: t.status,
    dueAt: t.dueAt,
    originalDueAt: t.originalDueAt,
    progressPercent: t.progressPercent,
    acceptedAt: t.acceptedAt,
    submittedAt: t.submittedAt,
    doneAt: t.doneAt,
    updatedAt: t.updatedAt,
    bucket: taskBucket(t, now),
  };
}

export const SORT_COLUMN: Record<string, [string, 'ASC' | 'DESC']> = {
  dueAt: ['t.due_at', 'ASC'],
  '-dueAt': ['t.due_at', 'DESC'],
  updatedAt: ['t.updated_at', 'ASC'],
  '-updatedAt': ['t.updated_at', 'DESC'],
};
