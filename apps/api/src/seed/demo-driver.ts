/**
 * Drives demo programmes through the public HTTP API as the seeded people would, so the running
 * system shows reminders, escalations and a review within minutes (demo-fast template).
 * Idempotent: a programme that exists already is left as it is.
 */
import { randomUUID } from 'node:crypto';
import { DEMO_PASSWORD } from './demo-data';
import { demoCascade } from './demo-cascade';
import { applyReform2025 } from './demo-reform';

const base = process.argv[2] ?? 'http://127.0.0.1:3000';
const tokens = new Map<string, string>();

async function call(
  method: string,
  path: string,
  username: string | null,
  body?: unknown,
): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (username) headers.authorization = `Bearer ${await token(username)}`;
  const res = await fetch(`${base}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

async function token(username: string): Promise<string> {
  if (!tokens.has(username)) {
    const res = await call('POST', '/auth/login', null, { username, password: DEMO_PASSWORD });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
    tokens.set(username, res.body.accessToken);
  }
  return tokens.get(username) as string;
}

async function act(id: string, username: string, action: string, payload: Record<string, unknown>): Promise<void> {
  const res = await call('POST', `/programmes/${id}/actions/${action}`, username, { requestId: randomUUID(), payload });
  if (res.status !== 200)
    throw new Error(`${action} on ${id} by ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  console.log(`  ${id}: ${action} by ${username} → ${res.body.phase}`);
}

async function create(username: string, body: Record<string, unknown>): Promise<boolean> {
  // After the 2025 reform an existing programme's unit has ended: creating it again would be refused.
  if ((await call('GET', `/programmes/${body.id}`, username)).status === 200) return false;
  const res = await call('POST', '/programmes', username, body);
  if (res.status === 409) return false;
  if (res.status !== 201) throw new Error(`create ${body.id}: ${res.status} ${JSON.stringify(res.body)}`);
  console.log(`created ${body.id}`);
  return true;
}

const isoIn = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

async function main(): Promise<void> {
  const today = new Date().toISOString().slice(0, 10);

  // Hậu Giang: Programme 123 implementing Politburo Resolution 13, run through to implementation.
  const p123 = 'demo-hg-ctr-123';
  if (
    await create('chuyenvien.hg', {
      id: p123,
      templateId: 'demo-fast',
      title: 'Chương trình hành động số 123 thực hiện Nghị quyết 13-NQ/TW về phát triển vùng Đồng bằng sông Cửu Long',
      issuingUnitId: 'hg-tu',
      memberInChargeId: 'hg-pbt',
      fieldGroup: 'economy',
      term: '2020-2025',
      resolutionId: 'tw-nq-13-2022',
    })
  ) {
    await driveToIssued(p123, {
      office: 'chuyenvien.hg',
      surveyor: ['gd.skhdt.hg', 'hg-skhdt-gd'],
      invitees: [
        ['pbt.hg', 'hg-pbt'],
        ['tvbtv.hg', 'hg-tv1'],
        ['gd.skhdt.hg', 'hg-skhdt-gd'],
      ],
      approver: 'bithu.hg',
    });
    await act(p123, 'chuyenvien.hg', 'issue', {
      documentNumber: '123-CTr/TU',
      issuedOn: today,
      targets: [
        {
          code: 'GRDP',
          name: 'Tăng trưởng GRDP bình quân',
          unit: '%/năm',
          baseline: '6.5',
          goal: { comparator: 'RANGE', goal: '7', goalHigh: '7.5' },
          responsibleUnitId: 'hg-skhdt',
        },
        {
          code: 'REV',
          name: 'Tăng thu ngân sách trên địa bàn',
          unit: '%/năm',
          goal: { comparator: 'AT_LEAST', goal: '15' },
          responsibleUnitId: 'hg-stc',
        },
        {
          code: 'PCI',
          name: 'Chỉ số PCI trong nhóm 3 tỉnh dẫn đầu vùng',
          unit: 'có/không',
          goal: { comparator: 'YES_NO', goal: '1' },
          responsibleUnitId: 'hg-skhdt',
        },
      ],
      tasks: [
        {
          code: 'T1',
          title: 'Xây dựng kế hoạch thu hút đầu tư giai đoạn 2021-2025',
          responsibleUnitId: 'hg-skhdt',
          responsiblePersonId: 'hg-skhdt-gd',
          coordinatingUnitIds: ['hg-stc'],
          dueAt: isoIn(6),
        },
        {
          code: 'T2',
          title: 'Đề án tăng thu ngân sách',
          responsibleUnitId: 'hg-stc',
          responsiblePersonId: 'hg-stc-gd',
          coordinatingUnitIds: [],
          dueAt: isoIn(6),
        },
        {
          // Open when the district level is abolished: carried to the ward committee that replaces Vị Thanh.
          code: 'T3',
          title: 'Chỉnh trang đô thị Vị Thanh',
          responsibleUnitId: 'hg-vithanh',
          responsiblePersonId: 'hg-vithanh-bt',
          coordinatingUnitIds: [],
          dueAt: isoIn(60),
        },
      ],
      solutions: ['Cải thiện môi trường đầu tư', 'Phát triển hạ tầng giao thông'],
      resources: ['Ngân sách tỉnh', 'Vốn xã hội hóa'],
      steeringCommittee: { headId: 'hg-bithu', memberIds: ['hg-pbt', 'hg-skhdt-gd'] },
    });
    await act(p123, 'bithu.hg', 'recordDissemination', {
      heldOn: today,
      audienceIds: ['hg-pbt', 'hg-tv1', 'hg-skhdt-gd', 'hg-stc-gd', 'hg-vithanh-bt'],
    });
    await act(p123, 'gd.skhdt.hg', 'acknowledgeDissemination', {});
  }

  // Lào Cai: thematic resolutions with a member in charge each. 10-NQ/TU stays in survey so that
  // reminders and an escalation fire on their own; 20-NQ/TU is issued with a steering committee.
  await create('chuyenvien.lc', {
    id: 'demo-lc-nq-10',
    templateId: 'demo-fast',
    title: 'Nghị quyết 10-NQ/TU về phát triển nông nghiệp hàng hóa',
    issuingUnitId: 'lc-tu',
    memberInChargeId: 'lc-snn-gd',
    fieldGroup: 'agriculture',
    term: '2020-2025',
    resolutionId: 'lc-nq-10-2021',
  });
  const nq20 = 'demo-lc-nq-20';
  if (
    await create('chuyenvien.lc', {
      id: nq20,
      templateId: 'demo-fast',
      title: 'Nghị quyết 20-NQ/TU về chuyển đổi số tỉnh Lào Cai',
      issuingUnitId: 'lc-tu',
      memberInChargeId: 'lc-stttt-gd',
      fieldGroup: 'digital',
      term: '2020-2025',
    })
  ) {
    await driveToIssued(nq20, {
      office: 'chuyenvien.lc',
      surveyor: ['gd.stttt.lc', 'lc-stttt-gd'],
      invitees: [
        ['gd.snn.lc', 'lc-snn-gd'],
        ['gd.stttt.lc', 'lc-stttt-gd'],
      ],
      approver: 'bithu.lc',
    });
    await act(nq20, 'chuyenvien.lc', 'issue', {
      documentNumber: '20-NQ/TU',
      issuedOn: today,
      targets: [
        {
          code: 'DVC4',
          name: 'Tỷ lệ dịch vụ công trực tuyến toàn trình',
          unit: '%',
          goal: { comparator: 'AT_LEAST', goal: '80' },
          responsibleUnitId: 'lc-stttt',
        },
        {
          code: 'KTS',
          name: 'Tỷ trọng kinh tế số trong GRDP',
          unit: '%',
          goal: { comparator: 'AT_LEAST', goal: '10' },
          responsibleUnitId: 'lc-stttt',
        },
      ],
      tasks: [
        {
          code: 'CDS1',
          title: 'Xây dựng nền tảng dữ liệu dùng chung của tỉnh',
          responsibleUnitId: 'lc-stttt',
          responsiblePersonId: 'lc-stttt-gd',
          coordinatingUnitIds: ['lc-snn'],
          dueAt: isoIn(10),
        },
      ],
      solutions: ['Chuyển đổi số trong cơ quan Đảng và chính quyền'],
      resources: ['Ngân sách tỉnh'],
      steeringCommittee: { headId: 'lc-bithu', memberIds: ['lc-stttt-gd', 'lc-snn-gd'] },
    });
  }

  // Hậu Giang's 2021 work programme: 30 items, reviewed at year end with 25 achieved (seed 002),
  // on the drill template so the final review closes within a minute or two.
  await workProgramme2021(today);
  // The cascade of 05-NQ/TU to three bodies (one on time, one late, one overdue), before the reform moves them.
  await demoCascade(call);
  // Then the 2025 reform: the programmes above keep running under the successors.
  await applyReform2025(call);
  console.log('demo programmes are running; watch the inboxes and the Temporal UI');
}

interface DraftingCast {
  office: string;
  /** [username, person id] */
  surveyor: [string, string];
  invitees: Array<[string, string]>;
  approver: string;
}

/** Survey, one draft, one consultation round that everyone answers, approval: the programme is ISSUED. */
async function driveToIssued(id: string, cast: DraftingCast): Promise<void> {
  await act(id, cast.office, 'assignSurveyors', { surveyorIds: [cast.surveyor[1]] });
  await act(id, cast.surveyor[0], 'submitSurveyFindings', {
    text: 'Kết quả khảo sát thực tiễn tại các sở, ngành và địa phương.',
  });
  await act(id, cast.office, 'closeSurvey', {});
  await act(id, cast.office, 'submitDraft', { text: 'Dự thảo lần 1', changeNote: 'Dự thảo sau khảo sát' });
  await act(id, cast.office, 'openConsultation', { inviteeIds: cast.invitees.map(([, personId]) => personId) });
  for (const [username] of cast.invitees) await act(id, username, 'submitOpinion', { text: 'Thống nhất với dự thảo.' });
  await act(id, cast.office, 'closeConsultation', {});
  await act(id, cast.office, 'submitForApproval', {});
  await act(id, cast.approver, 'approve', { note: 'Thông qua tại hội nghị Ban Thường vụ' });
}

const WORK_ITEMS_2021 = [
  'Quán triệt Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIV',
  'Kiện toàn tổ chức bộ máy các cơ quan tham mưu',
  'Quy hoạch cán bộ nhiệm kỳ 2025-2030',
  'Đào tạo, bồi dưỡng cán bộ lãnh đạo chủ chốt',
  'Chính sách thu hút nhân tài',
  'Sơ kết công tác dân vận năm 2021',
  'Kiểm tra, giám sát theo chương trình năm',
  'Phòng, chống tham nhũng, tiêu cực',
  'Cải cách hành chính, nâng chỉ số PAR Index',
  'Nâng chỉ số PCI',
  'Nâng chỉ số PAPI',
  'Nâng chỉ số SIPAS',
  'Chuyển đổi số trong cơ quan Đảng',
  'Phòng, chống dịch Covid-19',
  'Phát triển kết cấu hạ tầng giao thông',
  'Thu hút đầu tư vào khu công nghiệp',
  'Xây dựng nông thôn mới nâng cao',
  'Phát triển nông nghiệp ứng dụng công nghệ cao',
  'Giảm nghèo bền vững',
  'Giáo dục và đào tạo',
  'Y tế cơ sở',
  'Văn hóa, thể thao',
  'Bảo đảm quốc phòng, an ninh',
  'Trật tự an toàn xã hội',
  'Phát triển đảng viên mới',
  'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
  'Tổ chức cơ sở đảng trong sạch, vững mạnh',
  'Thu ngân sách nhà nước',
  'Giải ngân vốn đầu tư công',
  'Bảo vệ môi trường',
];
/** The five items not achieved in 2021 (by position in the list above). */
const NOT_ACHIEVED_2021 = new Set([8, 9, 15, 28, 29]);

async function workProgramme2021(today: string): Promise<void> {
  const id = 'demo-hg-ctct-2021';
  const created = await create('chuyenvien.hg', {
    id,
    templateId: 'drill',
    title: 'Chương trình công tác năm 2021 của Ban Chấp hành Đảng bộ tỉnh Hậu Giang',
    issuingUnitId: 'hg-tu',
    memberInChargeId: 'hg-pbt',
    fieldGroup: 'party-building',
    term: '2021-2021',
  });
  if (!created) return;
  await driveToIssued(id, {
    office: 'chuyenvien.hg',
    surveyor: ['gd.skhdt.hg', 'hg-skhdt-gd'],
    invitees: [
      ['pbt.hg', 'hg-pbt'],
      ['tvbtv.hg', 'hg-tv1'],
    ],
    approver: 'bithu.hg',
  });
  const unitOf = (i: number) => (i % 2 === 0 ? 'hg-skhdt' : 'hg-stc');
  await act(id, 'chuyenvien.hg', 'issue', {
    documentNumber: '01-CTr/TU',
    issuedOn: today,
    targets: WORK_ITEMS_2021.map((name, i) => ({
      code: `ND${String(i + 1).padStart(2, '0')}`,
      name,
      unit: 'đạt/không',
      goal: { comparator: 'YES_NO', goal: '1' },
      responsibleUnitId: unitOf(i),
    })),
    tasks: [
      {
        code: 'TH1',
        title: 'Tổng hợp kết quả các nội dung kinh tế',
        responsibleUnitId: 'hg-skhdt',
        responsiblePersonId: 'hg-skhdt-gd',
        dueAt: isoIn(30),
      },
      {
        code: 'TH2',
        title: 'Tổng hợp kết quả các nội dung tài chính',
        responsibleUnitId: 'hg-stc',
        responsiblePersonId: 'hg-stc-gd',
        dueAt: isoIn(30),
      },
    ],
    solutions: ['Phân công rõ người, rõ việc, rõ thời hạn'],
    resources: ['Ngân sách tỉnh'],
  });
  await act(id, 'bithu.hg', 'recordDissemination', {
    heldOn: today,
    audienceIds: ['hg-pbt', 'hg-tv1', 'hg-skhdt-gd', 'hg-stc-gd'],
  });
  console.log(`  ${id}: waiting for the year to end (the drill template's term is 24 seconds)`);
  const finalOpen = await waitFor(id, (live) => live.phase === 'FINAL_REVIEW');
  if (!finalOpen) return;
  for (const [username, unitId] of [
    ['gd.skhdt.hg', 'hg-skhdt'],
    ['gd.stc.hg', 'hg-stc'],
  ]) {
    const values = Object.fromEntries(
      WORK_ITEMS_2021.map((_, i) => i)
        .filter((i) => unitOf(i) === unitId)
        .map((i) => [`ND${String(i + 1).padStart(2, '0')}`, NOT_ACHIEVED_2021.has(i) ? '0' : '1']),
    );
    await act(id, username, 'submitFinalReport', { text: 'Báo cáo tổng kết năm 2021', values });
  }
  const closed = await waitFor(id, (live) =>
    Boolean(live.latestReviewHeadline && live.state.finalReview.review?.closedAt),
  );
  if (closed) console.log(`  ${id}: final review closed: ${closed.latestReviewHeadline}`);
}

/** Polls the live state until it satisfies `done` (at most two minutes). */
async function waitFor(id: string, done: (live: any) => boolean): Promise<any | null> {
  for (let i = 0; i < 120; i++) {
    const res = await call('GET', `/programmes/${id}`, 'chuyenvien.hg');
    if (res.status === 200 && res.body.live && done(res.body.live)) return res.body.live;
    await new Promise((r) => setTimeout(r, 1000));
  }
  console.log(`  ${id}: still waiting after two minutes; leaving it to run`);
  return null;
}

main().catch((err) => {
  console.error(`demo driver: ${(err as Error).message}`);
  process.exit(1);
});
