/**
 * The cascade in the demo (issue 13, item 12): Hậu Giang's Resolution 05-NQ/TU on human resources
 * (`hg-nq-05-2022`, signed 2022-06-01) obliges three bodies below the provincial committee to issue their
 * own programme, and the driver plays each body through the real API, so each obligation's workflow runs:
 *
 *   body                      deadline                    what the body does              standing
 *   Thành ủy Vị Thanh         by 2022-09-30               issues on 2022-09-15            ISSUED_ON_TIME
 *   Sở Kế hoạch và Đầu tư     60 working days             issues on 2022-11-10            ISSUED_LATE
 *   Sở Tài chính              90 calendar days            never issues (escalated)        OVERDUE
 *
 * Run before the 2025 reform, so the obligations are made and fulfilled while the units stand as they did
 * in 2022; the reform then moves them (Vị Thanh's open tasks go to the ward committee). Idempotent: a fixed
 * request id, and once the entry has obligations the step only reports them.
 */
import { randomUUID } from 'node:crypto';

/** What the driver reads of the answers: an obligations view, or a programme's phase. */
interface Answer {
  obligations: Array<{ unitName?: string; unitId: string; standing: string; daysLate: number }>;
  counts: Record<string, number>;
  phase?: string;
}

type Call = (
  method: string,
  path: string,
  username: string | null,
  body?: unknown,
) => Promise<{ status: number; body: Answer }>;

export const CASCADE_ENTRY = 'hg-nq-05-2022';
const REQUEST_ID = 'demo-cascade-hg-nq-05-2022';
/** Reads every province: the check that the step ran already works before and after the reform. */
const SYSTEM_ADMIN = 'quantri.hethong';

const OBLIGATIONS = [
  { unitId: 'hg-vithanh', deadlineKind: 'DATE', deadlineDate: '2022-09-30' },
  { unitId: 'hg-skhdt', deadlineKind: 'WORKING_DAYS', deadlineDays: 60 },
  { unitId: 'hg-stc', deadlineKind: 'CALENDAR_DAYS', deadlineDays: 90 },
];

/** The bodies that issue: who acts for them, the programme and the date written on it. */
const ISSUERS = [
  {
    username: 'bithu.vithanh',
    personId: 'hg-vithanh-bt',
    unitId: 'hg-vithanh',
    programmeId: 'demo-vt-ctr-05',
    title: 'Chương trình hành động của Thành ủy Vị Thanh thực hiện Nghị quyết 05-NQ/TU về phát triển nguồn nhân lực',
    documentNumber: '15-CTr/ThU',
    issuedOn: '2022-09-15',
    tasks: [
      'Rà soát, quy hoạch đội ngũ cán bộ phường, xã giai đoạn 2022-2025',
      'Đào tạo lý luận chính trị cho cán bộ cơ sở',
    ],
  },
  {
    username: 'gd.skhdt.hg',
    personId: 'hg-skhdt-gd',
    unitId: 'hg-skhdt',
    programmeId: 'demo-skhdt-kh-05',
    title: 'Kế hoạch của Sở Kế hoạch và Đầu tư thực hiện Nghị quyết 05-NQ/TU về phát triển nguồn nhân lực',
    documentNumber: '212/KH-SKHĐT',
    issuedOn: '2022-11-10',
    tasks: ['Dự báo nhu cầu nhân lực theo ngành giai đoạn 2022-2030'],
  },
];

export async function demoCascade(call: Call, term = '2020-2025'): Promise<void> {
  const path = `/resolutions/${CASCADE_ENTRY}/obligations`;
  const existing = await call('GET', path, SYSTEM_ADMIN);
  if (existing.status === 200 && existing.body.obligations.length > 0) {
    report(existing.body);
    return;
  }
  console.log(`cascade: ${CASCADE_ENTRY} (05-NQ/TU) obliges Vị Thanh, Sở KH&ĐT and Sở Tài chính`);
  const obliged = await call('POST', path, 'chuyenvien.hg', { requestId: REQUEST_ID, obligations: OBLIGATIONS });
  if (obliged.status !== 201) throw new Error(`oblige: ${obliged.status} ${JSON.stringify(obliged.body)}`);
  for (const body of ISSUERS) await issueOwnProgramme(call, body, term);
  // The worker projects each issuance into its obligation; wait until both read as issued.
  for (let i = 0; i < 60; i++) {
    const res = await call('GET', path, SYSTEM_ADMIN);
    if (res.status === 200 && res.body.counts.ISSUED_ON_TIME + res.body.counts.ISSUED_LATE === ISSUERS.length) {
      report(res.body);
      return;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  console.log('  cascade: the issuances are not projected yet; leaving them to run');
}

function report(view: {
  obligations: Array<{ unitName?: string; unitId: string; standing: string; daysLate: number }>;
}) {
  for (const o of view.obligations)
    console.log(`  cascade: ${o.unitName ?? o.unitId}: ${o.standing}${o.daysLate ? `, ${o.daysLate} days late` : ''}`);
}

/** A body's own programme implementing the entry, on the work-programme template, from draft to issuance. */
async function issueOwnProgramme(call: Call, b: (typeof ISSUERS)[number], term: string): Promise<void> {
  const created = await call('POST', '/programmes', b.username, {
    id: b.programmeId,
    templateId: 'work-programme',
    title: b.title,
    issuingUnitId: b.unitId,
    memberInChargeId: b.personId,
    fieldGroup: 'party-building',
    term,
    resolutionId: CASCADE_ENTRY,
  });
  if (created.status !== 201)
    throw new Error(`create ${b.programmeId}: ${created.status} ${JSON.stringify(created.body)}`);
  const act = async (action: string, payload: object) => {
    const res = await call('POST', `/programmes/${b.programmeId}/actions/${action}`, b.username, {
      requestId: randomUUID(),
      payload,
    });
    if (res.status !== 200) throw new Error(`${action} on ${b.programmeId}: ${res.status} ${JSON.stringify(res.body)}`);
    console.log(`  ${b.programmeId}: ${action} by ${b.username} → ${res.body.phase}`);
  };
  await act('submitDraft', { text: 'Dự thảo chương trình thực hiện nghị quyết', changeNote: 'Dự thảo lần 1' });
  await act('openConsultation', { inviteeIds: [b.personId] });
  await act('submitOpinion', { text: 'Thống nhất với dự thảo.' });
  await act('closeConsultation', {});
  await act('submitForApproval', {});
  await act('approve', {});
  await act('issue', {
    documentNumber: b.documentNumber,
    issuedOn: b.issuedOn,
    targets: [
      {
        code: 'NL1',
        name: 'Tỷ lệ cán bộ đạt chuẩn chức danh',
        unit: '%',
        goal: { comparator: 'AT_LEAST', goal: '90' },
        responsibleUnitId: b.unitId,
      },
    ],
    tasks: b.tasks.map((title, i) => ({
      code: `NV${i + 1}`,
      title,
      responsibleUnitId: b.unitId,
      responsiblePersonId: b.personId,
      coordinatingUnitIds: [],
      dueAt: new Date(Date.now() + 45 * 86_400_000).toISOString(),
    })),
    solutions: ['Đổi mới công tác đào tạo, bồi dưỡng cán bộ'],
    resources: ['Ngân sách địa phương'],
  });
}
