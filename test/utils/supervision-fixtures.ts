/**
 * Read-model fixtures whose answers are known, for the supervision, report and console tests. They
 * live in their own units ("fx-…") so that programmes other test files start never change the counts.
 *
 * Hậu Giang (fx-tu) runs Programme 123-CTr/TU (13-NQ/TW): its 2021 yearly review closed with 25 of
 * 30 targets achieved or exceeded, T26–T30 low. Its 19 live tasks sit in the four buckets as
 * follows (one more is cancelled and counts nowhere):
 *
 *   unit         on time  late  open within  open overdue
 *   fx-skhdt        4       1        2            1        (of which fx-skhdt-cv: 1 within, 1 overdue)
 *   fx-stc          2       2        1            3
 *   fx-vithanh      1       0        1            1
 *
 * Programme 05 (party building, fx-tv) adds one open task at fx-skhdt; Vị Thanh's own programme adds
 * one done-on-time and one overdue task there. Lào Cai and Tứ Kỳ have theirs, which no Hậu Giang
 * supervisor may see; Tứ Kỳ's closed 2015–2020 programme has a final review (2/3, C3 low).
 */
import { DataSource } from 'typeorm';
import { OrgUnitKind, Role } from '@app/domain';
import { hashPassword } from '../../apps/api/src/auth/auth.service';
import { DEMO_PASSWORD } from '../../apps/api/src/seed/demo-data';

export const FX = {
  programme123: 'fx-hg-ctr-123',
  programme05: 'fx-hg-ctr-05',
  programmeViThanh: 'fx-vithanh-ctr-01',
  programmeLaoCai: 'fx-lc-ctr-10',
  /** Tứ Kỳ's closed 2015–2020 programme with its final review (evaluations, commendations, lessons). */
  programmeTuKy: 'fx-tuky-ctr-02',
  term: '2020-2025',
  resolution: '13-NQ/TW',
} as const;

const UNITS: Array<[string, string, OrgUnitKind, string | null]> = [
  ['fx-tu', 'Tỉnh ủy Hậu Giang', OrgUnitKind.PROVINCIAL_COMMITTEE, null],
  ['fx-btv', 'Ban Thường vụ Tỉnh ủy Hậu Giang', OrgUnitKind.STANDING_COMMITTEE, 'fx-tu'],
  ['fx-ubkt', 'Ủy ban Kiểm tra Tỉnh ủy Hậu Giang', OrgUnitKind.INSPECTION_COMMISSION, 'fx-tu'],
  ['fx-bcsd', 'Ban cán sự Đảng UBND tỉnh Hậu Giang', OrgUnitKind.PEOPLES_COMMITTEE_DELEGATION, 'fx-tu'],
  ['fx-skhdt', 'Sở Kế hoạch và Đầu tư', OrgUnitKind.DEPARTMENT, 'fx-bcsd'],
  ['fx-stc', 'Sở Tài chính', OrgUnitKind.DEPARTMENT, 'fx-bcsd'],
  ['fx-vithanh', 'Thành ủy Vị Thanh', OrgUnitKind.DISTRICT_COMMITTEE, 'fx-tu'],
  ['fx-tuky', 'Huyện ủy Tứ Kỳ', OrgUnitKind.DISTRICT_COMMITTEE, null],
  ['fx-lc', 'Tỉnh ủy Lào Cai', OrgUnitKind.PROVINCIAL_COMMITTEE, null],
  ['fx-lc-snn', 'Sở Nông nghiệp và Phát triển nông thôn Lào Cai', OrgUnitKind.DEPARTMENT, 'fx-lc'],
];

const PEOPLE: Array<[string, string, string, string, Role[]]> = [
  ['fx-bithu', 'fx.bithu', 'Nguyễn Văn Thành', 'fx-tu', [Role.HEAD, Role.STANDING_COMMITTEE, Role.KEY_CADRE]],
  ['fx-pbt', 'fx.pbt', 'Trần Thị Hạnh', 'fx-btv', [Role.STANDING_COMMITTEE, Role.KEY_CADRE]],
  ['fx-tv', 'fx.tv', 'Lê Văn Phúc', 'fx-btv', [Role.STANDING_COMMITTEE, Role.KEY_CADRE]],
  ['fx-ubkt1', 'fx.ubkt', 'Hoàng Thị Thu', 'fx-ubkt', [Role.INSPECTOR]],
  ['fx-skhdt-gd', 'fx.gd.skhdt', 'Võ Minh Tâm', 'fx-skhdt', [Role.HEAD, Role.KEY_CADRE]],
  ['fx-skhdt-cv', 'fx.cv.skhdt', 'Phan Thị Ngọc', 'fx-skhdt', [Role.STAFF]],
  ['fx-stc-gd', 'fx.gd.stc', 'Đặng Văn Lộc', 'fx-stc', [Role.HEAD, Role.KEY_CADRE]],
  ['fx-vithanh-bt', 'fx.bithu.vithanh', 'Bùi Thị Xuân', 'fx-vithanh', [Role.HEAD, Role.KEY_CADRE]],
  ['fx-tuky-bt', 'fx.bithu.tuky', 'Nguyễn Văn Hùng', 'fx-tuky', [Role.HEAD, Role.STANDING_COMMITTEE, Role.KEY_CADRE]],
  ['fx-lc-bt', 'fx.bithu.lc', 'Đỗ Văn Sơn', 'fx-lc', [Role.HEAD, Role.STANDING_COMMITTEE, Role.KEY_CADRE]],
  ['fx-lc-snn-gd', 'fx.gd.snn.lc', 'Giàng Thị Mỷ', 'fx-lc-snn', [Role.HEAD, Role.KEY_CADRE]],
];

/** Names of the five low targets of the 2021 review, in code order T26–T30. */
export const LOW_TARGETS = [
  'GRDP bình quân đầu người',
  'Kim ngạch xuất khẩu',
  'Thu hút vốn đầu tư nước ngoài',
  'Tỷ lệ đô thị hóa',
  'Số doanh nghiệp thành lập mới',
];

type Bucket = 'DONE_ON_TIME' | 'DONE_LATE' | 'OPEN_WITHIN_DEADLINE' | 'OPEN_OVERDUE' | 'CANCELLED';

const TASK_DATES: Record<Bucket, { status: string; dueAt: string; doneAt: string | null }> = {
  DONE_ON_TIME: { status: 'DONE', dueAt: '2021-06-30T10:00:00Z', doneAt: '2021-06-20T10:00:00Z' },
  DONE_LATE: { status: 'DONE', dueAt: '2021-06-30T10:00:00Z', doneAt: '2021-07-10T10:00:00Z' },
  OPEN_WITHIN_DEADLINE: { status: 'IN_PROGRESS', dueAt: '2035-12-31T10:00:00Z', doneAt: null },
  OPEN_OVERDUE: { status: 'IN_PROGRESS', dueAt: '2021-09-30T10:00:00Z', doneAt: null },
  CANCELLED: { status: 'CANCELLED', dueAt: '2021-09-30T10:00:00Z', doneAt: null },
};

interface ProgrammeFixture {
  id: string;
  title: string;
  documentNumber: string | null;
  phase: string;
  issuingUnitId: string;
  memberInChargeId: string;
  fieldGroup: string;
  implementsResolution: string | null;
  snapshot: Record<string, unknown>;
}

const at = (iso: string) => iso;

function programme123Snapshot(): Record<string, unknown> {
  return {
    consultations: [
      {
        no: 1,
        inviteeIds: ['fx-skhdt-gd', 'fx-stc-gd', 'fx-vithanh-bt'],
        deadline: at('2021-01-25T10:00:00Z'),
        openedAt: at('2021-01-15T02:00:00Z'),
        opinions: {
          'fx-skhdt-gd': { text: 'Đồng ý với dự thảo', at: at('2021-01-20T03:00:00Z') },
          'fx-stc-gd': { text: 'Bổ sung nguồn lực', at: at('2021-01-27T03:00:00Z') },
        },
        closedAt: at('2021-01-28T02:00:00Z'),
        silentIds: ['fx-vithanh-bt'],
      },
    ],
    dissemination: {
      heldOn: '2021-02-20',
      recordedBy: 'fx-bithu',
      audienceIds: ['fx-skhdt-gd', 'fx-skhdt-cv', 'fx-stc-gd', 'fx-vithanh-bt'],
      acknowledged: {
        'fx-skhdt-gd': at('2021-02-21T02:00:00Z'),
        'fx-skhdt-cv': at('2021-02-22T02:00:00Z'),
        'fx-stc-gd': at('2021-02-25T02:00:00Z'),
      },
    },
    implementation: {
      startedAt: at('2021-03-01T01:00:00Z'),
      annualPlans: [
        {
          by: 'fx-pbt',
          at: at('2021-03-05T02:00:00Z'),
          year: 2021,
          title: 'Kế hoạch thực hiện năm 2021',
          items: ['Cải thiện chỉ số PCI', 'Đẩy nhanh giải ngân vốn đầu tư công'],
          tasks: [{ code: 'K21-1' }],
        },
      ],
      reviews: [
        {
          seq: 1,
          kind: 'YEARLY',
          periodLabel: '2021',
          opensAt: at('2021-12-01T01:00:00Z'),
          closesAt: at('2021-12-20T10:00:00Z'),
          expectedUnitIds: ['fx-skhdt', 'fx-stc', 'fx-vithanh'],
          reports: {
            'fx-skhdt': {
              unitId: 'fx-skhdt',
              by: 'fx-skhdt-gd',
              at: at('2021-12-10T03:00:00Z'),
              text: 'Tăng trưởng kinh tế đạt 7,2%, thu hút đầu tư cải thiện.',
              values: {},
            },
            'fx-stc': {
              unitId: 'fx-stc',
              by: 'fx-stc-gd',
              at: at('2021-12-22T03:00:00Z'),
              text: 'Thu ngân sách tăng 16% so với cùng kỳ.',
              values: {},
            },
          },
          closedAt: at('2021-12-31T10:00:00Z'),
          results: {},
          summary: null,
          lowTargetCodes: ['T26', 'T27', 'T28', 'T29', 'T30'],
        },
      ],
      inspections: [
        {
          by: 'fx-ubkt1',
          at: at('2021-09-15T02:00:00Z'),
          findings: 'Tiến độ giải ngân vốn đầu tư công còn chậm',
          unitId: 'fx-skhdt',
        },
      ],
    },
    finalReview: { review: null, evaluations: [], commendations: [], lessons: [] },
  };
}

const PROGRAMMES: ProgrammeFixture[] = [
  {
    id: FX.programme123,
    title:
      'Chương trình hành động thực hiện Nghị quyết 13-NQ/TW về phát triển kinh tế - xã hội và bảo đảm quốc phòng, an ninh vùng Đồng bằng sông Cửu Long',
    documentNumber: '123-CTr/TU',
    phase: 'IMPLEMENTATION',
    issuingUnitId: 'fx-tu',
    memberInChargeId: 'fx-pbt',
    fieldGroup: 'economy',
    implementsResolution: FX.resolution,
    snapshot: programme123Snapshot(),
  },
  {
    id: FX.programme05,
    title: 'Chương trình hành động về công tác xây dựng Đảng',
    documentNumber: '05-CTr/TU',
    phase: 'DISSEMINATION',
    issuingUnitId: 'fx-tu',
    memberInChargeId: 'fx-tv',
    fieldGroup: 'party-building',
    implementsResolution: '05-NQ/TU',
    snapshot: {},
  },
  {
    id: FX.programmeViThanh,
    title: 'Chương trình hành động của Thành ủy Vị Thanh về chỉnh trang đô thị',
    documentNumber: '01-CTr/TU',
    phase: 'IMPLEMENTATION',
    issuingUnitId: 'fx-vithanh',
    memberInChargeId: 'fx-vithanh-bt',
    fieldGroup: 'society',
    implementsResolution: FX.resolution,
    snapshot: {},
  },
  {
    id: FX.programmeLaoCai,
    title: 'Chương trình hành động thực hiện Nghị quyết 10-NQ/TU về nông nghiệp hàng hóa',
    documentNumber: null,
    phase: 'SURVEY',
    issuingUnitId: 'fx-lc',
    memberInChargeId: 'fx-lc-bt',
    fieldGroup: 'agriculture',
    implementsResolution: '10-NQ/TU',
    snapshot: {},
  },
  {
    id: FX.programmeTuKy,
    title: 'Chương trình hành động về xây dựng nông thôn mới giai đoạn 2015-2020',
    documentNumber: '02-CTr/HU',
    phase: 'CLOSED',
    issuingUnitId: 'fx-tuky',
    memberInChargeId: 'fx-tuky-bt',
    fieldGroup: 'agriculture',
    implementsResolution: '04-NQ/HU',
    snapshot: tuKyFinalSnapshot(),
  },
];

function tuKyFinalSnapshot(): Record<string, unknown> {
  return {
    implementation: { annualPlans: [], reviews: [], inspections: [] },
    finalReview: {
      review: {
        seq: 10,
        kind: 'FINAL',
        periodLabel: '2015-2020',
        opensAt: at('2020-08-01T01:00:00Z'),
        closesAt: at('2020-09-15T10:00:00Z'),
        expectedUnitIds: ['fx-tuky'],
        reports: {
          'fx-tuky': {
            unitId: 'fx-tuky',
            by: 'fx-tuky-bt',
            at: at('2020-09-10T03:00:00Z'),
            text: '100% số xã đạt chuẩn nông thôn mới.',
            values: {},
          },
        },
        closedAt: at('2020-09-30T10:00:00Z'),
        results: {},
        summary: null,
        lowTargetCodes: ['C3'],
      },
      evaluations: [
        {
          by: 'fx-tuky-bt',
          at: at('2020-09-30T10:00:00Z'),
          subjectKind: 'UNIT',
          subjectId: 'fx-tuky',
          rating: 'EXCELLENT',
          comment: 'Về đích nông thôn mới trước hạn',
          figures: {},
        },
        {
          by: 'fx-tuky-bt',
          at: at('2020-09-30T10:00:00Z'),
          subjectKind: 'PERSON',
          subjectId: 'fx-tuky-bt',
          rating: 'GOOD',
          comment: 'Trực tiếp chỉ đạo các việc đột phá',
          figures: {},
        },
      ],
      commendations: [
        {
          by: 'fx-tuky-bt',
          at: at('2020-09-30T10:00:00Z'),
          subjectKind: 'UNIT',
          subjectId: 'fx-tuky',
          text: 'Mô hình "Dân vận khéo" được nhân rộng',
        },
      ],
      lessons: [
        'Người đứng đầu phải trực tiếp chỉ đạo và chịu trách nhiệm đến cùng',
        'Chọn đúng việc đột phá, giao rõ người, rõ việc, rõ thời hạn',
      ],
    },
  };
}

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

function targetRows(): Array<{ code: string; name: string; achievement: string; value: string | null }> {
  return Array.from({ length: 30 }, (_, i) => {
    const n = i + 1;
    const code = `T${String(n).padStart(2, '0')}`;
    if (n <= 20) return { code, name: `Chỉ tiêu ${n}`, achievement: 'ACHIEVED', value: '100' };
    if (n <= 25) return { code, name: `Chỉ tiêu ${n}`, achievement: 'EXCEEDED', value: '120' };
    const low = LOW_TARGETS[n - 26];
    return n <= 28
      ? { code, name: low, achievement: 'NOT_ACHIEVED', value: '80' }
      : { code, name: low, achievement: 'NO_DATA', value: null };
  });
}

/** Writes the fixture units, people and read model; safe to run again (fixed ids, upserts). */
export async function seedSupervisionFixtures(ds: DataSource): Promise<void> {
  const hash = await hashPassword(DEMO_PASSWORD);
  await ds.transaction(async (tx) => {
    for (const [id, name, kind, parentId] of UNITS)
      await tx.query(
        `INSERT INTO org_unit (id, name, kind, parent_id) VALUES ($1,$2,$3,$4) ON CONFLICT (id) DO NOTHING`,
        [id, name, kind, parentId],
      );
    for (const [id, username, fullName, unitId, roles] of PEOPLE)
      await tx.query(
        `INSERT INTO person (id, username, full_name, password_hash, unit_id, roles) VALUES ($1,$2,$3,$4,$5,$6) ON CONFLICT (id) DO NOTHING`,
        [id, username, fullName, hash, unitId, roles],
      );
    for (const p of PROGRAMMES) {
      await tx.query(
        `INSERT INTO programme (id, title, document_number, template_id, template_version, phase, issuing_unit_id, member_in_charge_id,
           field_group, term, implements_resolution, workflow_id, snapshot, created_by)
         VALUES ($1,$2,$3,'action-programme',1,$4,$5,$6,$7,$8,$9,$10,$11,'fx-pbt') ON CONFLICT (id) DO NOTHING`,
        [
          p.id,
          p.title,
          p.documentNumber,
          p.phase,
          p.issuingUnitId,
          p.memberInChargeId,
          p.fieldGroup,
          p.id === FX.programmeTuKy ? '2015-2020' : FX.term,
          p.implementsResolution,
          `programme/${p.id}`,
          JSON.stringify(p.snapshot),
        ],
      );
    }
    const phases: Array<[string, string, string | null]> = [
      ['SURVEY', '2021-01-04T02:00:00Z', '2021-01-14T10:00:00Z'],
      ['DRAFTING', '2021-01-12T02:00:00Z', null],
      ['CONSULTATION', '2021-01-15T02:00:00Z', '2021-01-25T10:00:00Z'],
      ['APPROVAL', '2021-01-28T02:00:00Z', null],
      ['ISSUED', '2021-02-01T02:00:00Z', null],
      ['DISSEMINATION', '2021-02-10T02:00:00Z', '2021-03-01T10:00:00Z'],
      ['IMPLEMENTATION', '2021-03-01T01:00:00Z', null],
    ];
    for (const [i, [phase, enteredAt, deadline]] of phases.entries())
      await tx.query(
        `INSERT INTO programme_phase_history (programme_id, seq, phase, entered_at, deadline) VALUES ($1,$2,$3,$4,$5) ON CONFLICT DO NOTHING`,
        [FX.programme123, i + 1, phase, enteredAt, deadline],
      );
    const targets = targetRows();
    await tx.query(
      `INSERT INTO programme_review (programme_id, seq, kind, period_label, opens_at, closes_at, closed_at, expected_unit_ids, reported_unit_ids,
         headline, achieved_or_exceeded, targets_total, low_target_codes)
       VALUES ($1,1,'YEARLY','2021','2021-12-01T01:00:00Z','2021-12-20T10:00:00Z','2021-12-31T10:00:00Z',$2,$3,'25/30 achieved or exceeded',25,30,$4)
       ON CONFLICT DO NOTHING`,
      [
        FX.programme123,
        ['fx-skhdt', 'fx-stc', 'fx-vithanh'],
        ['fx-skhdt', 'fx-stc'],
        ['T26', 'T27', 'T28', 'T29', 'T30'],
      ],
    );
    for (const t of targets) {
      await tx.query(
        `INSERT INTO programme_target (programme_id, code, name, unit, goal, responsible_unit_id) VALUES ($1,$2,$3,'%',$4,'fx-skhdt') ON CONFLICT DO NOTHING`,
        [FX.programme123, t.code, t.name, JSON.stringify({ comparator: 'AT_LEAST', goal: '100' })],
      );
      await tx.query(
        `INSERT INTO target_value (programme_id, target_code, review_seq, period_label, value, reported_by_unit_id, achievement)
         VALUES ($1,$2,1,'2021',$3,'fx-skhdt',$4) ON CONFLICT DO NOTHING`,
        [FX.programme123, t.code, t.value, t.achievement],
      );
    }
    await tx.query(
      `INSERT INTO programme_review (programme_id, seq, kind, period_label, opens_at, closes_at, closed_at, expected_unit_ids, reported_unit_ids,
         headline, achieved_or_exceeded, targets_total, low_target_codes)
       VALUES ($1,10,'FINAL','2015-2020','2020-08-01T01:00:00Z','2020-09-15T10:00:00Z','2020-09-30T10:00:00Z','{fx-tuky}','{fx-tuky}',
         '2/3 achieved or exceeded',2,3,'{C3}') ON CONFLICT DO NOTHING`,
      [FX.programmeTuKy],
    );
    for (const [code, name, value, achievement] of [
      ['C1', 'Tỷ lệ xã đạt chuẩn nông thôn mới', '100', 'ACHIEVED'],
      ['C2', 'Thu nhập bình quân đầu người (triệu đồng/năm)', '52', 'EXCEEDED'],
      ['C3', 'Tỷ lệ hộ nghèo', '2.1', 'NOT_ACHIEVED'],
    ]) {
      await tx.query(
        `INSERT INTO programme_target (programme_id, code, name, unit, goal, responsible_unit_id) VALUES ($1,$2,$3,'%',$4,'fx-tuky') ON CONFLICT DO NOTHING`,
        [
          FX.programmeTuKy,
          code,
          name,
          JSON.stringify(
            code === 'C3'
              ? { comparator: 'AT_MOST', goal: '2' }
              : { comparator: 'AT_LEAST', goal: code === 'C2' ? '50' : '100' },
          ),
        ],
      );
      await tx.query(
        `INSERT INTO target_value (programme_id, target_code, review_seq, period_label, value, reported_by_unit_id, achievement)
         VALUES ($1,$2,10,'2015-2020',$3,'fx-tuky',$4) ON CONFLICT DO NOTHING`,
        [FX.programmeTuKy, code, value, achievement],
      );
    }
    await tx.query(
      `INSERT INTO audit_event (event_key, programme_id, actor_id, action, occurred_at, after)
       VALUES ('fx-escalation-1', $1, NULL, 'deadline.escalated', '2021-01-16T02:00:00Z', $2) ON CONFLICT DO NOTHING`,
      [FX.programme123, JSON.stringify({ phase: 'SURVEY', level: 1, awaitingFrom: ['fx-pbt'] })],
    );
    for (const recipient of ['fx-pbt', 'fx-bithu'])
      await tx.query(
        `INSERT INTO notification (idempotency_key, recipient_id, kind, title, body, programme_id, created_at)
         VALUES ($1,$2,'DEADLINE_REMINDER','Sắp đến hạn khảo sát','Hạn khảo sát còn 2 ngày làm việc',$3,'2021-01-12T02:00:00Z') ON CONFLICT DO NOTHING`,
        [`fx-reminder-1@${recipient}`, recipient, FX.programme123],
      );
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
  });
}
