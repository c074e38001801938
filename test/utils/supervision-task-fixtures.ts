/**
 * The tasks of the supervision fixture (the scenario and the bucket table are in supervision-fixtures.ts):
 * each task's dates put it in one of the four buckets, or cancelled.
 */
import { EntityManager } from 'typeorm';
import { FX, PROGRAMMES } from './supervision-programme-fixtures';

type Bucket = 'DONE_ON_TIME' | 'DONE_LATE' | 'OPEN_WITHIN_DEADLINE' | 'OPEN_OVERDUE' | 'CANCELLED';

const TASK_DATES: Record<Bucket, { status: string; dueAt: string; doneAt: string | null }> = {
  DONE_ON_TIME: { status: 'DONE', dueAt: '2021-06-30T10:00:00Z', doneAt: '2021-06-20T10:00:00Z' },
  DONE_LATE: { status: 'DONE', dueAt: '2021-06-30T10:00:00Z', doneAt: '2021-07-10T10:00:00Z' },
  OPEN_WITHIN_DEADLINE: { status: 'IN_PROGRESS', dueAt: '2035-12-31T10:00:00Z', doneAt: null },
  OPEN_OVERDUE: { status: 'IN_PROGRESS', dueAt: '2021-09-30T10:00:00Z', doneAt: null },
  CANCELLED: { status: 'CANCELLED', dueAt: '2021-09-30T10:00:00Z', doneAt: null },
};

interface TaskFixture {
  programmeId: string | null;
  unitId: string;
  personId: string;
  bucket: Bucket;
  source?: string;
  code?: string;
  issuingUnitId?: string;
  memberInChargeId?: string | null;
  fieldGroup?: string | null;
}

function tasks(): TaskFixture[] {
  const out: TaskFixture[] = [];
  const add = (
    programmeId: string | null,
    unitId: string,
    personId: string,
    spread: Partial<Record<Bucket, number>>,
  ) => {
    for (const [bucket, n] of Object.entries(spread) as Array<[Bucket, number]>)
      for (let i = 0; i < n; i++) out.push({ programmeId, unitId, personId, bucket });
  };
  add(FX.programme123, 'fx-skhdt', 'fx-skhdt-gd', { DONE_ON_TIME: 4, DONE_LATE: 1, OPEN_WITHIN_DEADLINE: 1 });
  add(FX.programme123, 'fx-skhdt', 'fx-skhdt-cv', { OPEN_WITHIN_DEADLINE: 1, OPEN_OVERDUE: 1 });
  add(FX.programme123, 'fx-stc', 'fx-stc-gd', {
    DONE_ON_TIME: 2,
    DONE_LATE: 2,
    OPEN_WITHIN_DEADLINE: 1,
    OPEN_OVERDUE: 3,
  });
  add(FX.programme123, 'fx-vithanh', 'fx-vithanh-bt', {
    DONE_ON_TIME: 1,
    OPEN_WITHIN_DEADLINE: 1,
    OPEN_OVERDUE: 1,
    CANCELLED: 1,
  });
  add(FX.programme05, 'fx-skhdt', 'fx-skhdt-gd', { OPEN_WITHIN_DEADLINE: 1 });
  add(FX.programmeViThanh, 'fx-vithanh', 'fx-vithanh-bt', { DONE_ON_TIME: 1, OPEN_OVERDUE: 1 });
  add(FX.programmeLaoCai, 'fx-lc-snn', 'fx-lc-snn-gd', { OPEN_OVERDUE: 2 });
  // Tứ Kỳ's breakthrough tasks of 2021 belong to no programme.
  for (const bucket of ['DONE_ON_TIME', 'DONE_ON_TIME', 'OPEN_OVERDUE'] as Bucket[])
    out.push({
      programmeId: null,
      unitId: 'fx-tuky',
      personId: 'fx-tuky-bt',
      bucket,
      source: 'BREAKTHROUGH',
      issuingUnitId: 'fx-tuky',
      memberInChargeId: null,
      fieldGroup: null,
    });
  // The first open task of fx-skhdt-gd came from the 2021 annual plan.
  const planned = out.find((t) => t.personId === 'fx-skhdt-gd' && t.bucket === 'OPEN_WITHIN_DEADLINE');
  if (planned) Object.assign(planned, { source: 'ANNUAL_PLAN', code: 'K21-1' });
  return out;
}

/** Writes the tasks' read-model rows, inside the fixture's transaction. */
export async function writeSupervisionTasks(tx: EntityManager): Promise<void> {
  const programmeOf = new Map(PROGRAMMES.map((p) => [p.id, p]));
  for (const [i, t] of tasks().entries()) {
    const p = t.programmeId ? programmeOf.get(t.programmeId) : undefined;
    const d = TASK_DATES[t.bucket];
    const id = `${t.programmeId ?? 'bt/fx-tuky/2021'}/T${i + 1}`;
    await tx.query(
      `INSERT INTO task (id, workflow_id, source, programme_id, code, title, responsible_unit_id, responsible_person_id, assigner_id,
         member_in_charge_id, field_group, issuing_unit_id, is_breakthrough, status, due_at, original_due_at, done_at, progress_percent)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,'fx-pbt',$9,$10,$11,$12,$13,$14,$14,$15,$16) ON CONFLICT (id) DO NOTHING`,
      [
        id,
        `task/${id}`,
        t.source ?? 'PROGRAMME',
        t.programmeId,
        t.code ?? `T${i + 1}`,
        `Nhiệm vụ ${i + 1}: ${t.bucket === 'OPEN_OVERDUE' ? 'hoàn thiện hồ sơ quy hoạch' : 'triển khai giải pháp thu hút đầu tư'}`,
        t.unitId,
        t.personId,
        t.memberInChargeId !== undefined ? t.memberInChargeId : (p?.memberInChargeId ?? null),
        t.fieldGroup !== undefined ? t.fieldGroup : (p?.fieldGroup ?? null),
        t.issuingUnitId ?? p?.issuingUnitId,
        t.source === 'BREAKTHROUGH',
        d.status,
        d.dueAt,
        d.doneAt,
        d.status === 'DONE' ? 100 : 40,
      ],
    );
  }
}
