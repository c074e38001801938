/**
 * The programmes of the supervision fixture (the scenario is told in supervision-fixtures.ts): their
 * rows and snapshots, Programme 123's phase history, 2021 review, targets, audit event and reminders,
 * and Tứ Kỳ's final review with its targets.
 */
import { EntityManager } from 'typeorm';

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

/** Names of the five low targets of the 2021 review, in code order T26–T30. */
export const LOW_TARGETS = [
  'GRDP bình quân đầu người',
  'Kim ngạch xuất khẩu',
  'Thu hút vốn đầu tư nước ngoài',
  'Tỷ lệ đô thị hóa',
  'Số doanh nghiệp thành lập mới',
];

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

export const PROGRAMMES: ProgrammeFixture[] = [
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

/** Writes the programmes and what they hold, inside the fixture's transaction. */
export async function writeSupervisionProgrammes(tx: EntityManager): Promise<void> {
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
}
