import { randomUUID } from 'node:crypto';
import { tinyPdf } from './sample-documents';
import { eventually, TestStack } from './test-stack';

/**
 * The objects the authorization tests ask about, made through the API as the seeded people would.
 * Everything belongs to Tỉnh ủy Hậu Giang (`hg-tu`):
 *
 * - a programme on the `drill` template, through survey (findings by the Sở KH&ĐT director),
 *   drafting, one consultation round (opinions by a Standing Committee member and the Sở KH&ĐT
 *   director), approval and issuance, with a target and two tasks: T1 for the Sở KH&ĐT director
 *   (`hg-skhdt`), T2 for the Vị Thanh secretary (`hg-vithanh`); disseminated, so it implements, its
 *   first review closes within seconds and it goes on to its final review by itself; one inspection;
 *   one review report generated; its issued text uploaded as a document (PDF);
 * - a breakthrough cycle of the province, open for registration;
 * - a notification in the Sở KH&ĐT director's inbox (no caller of the matrix is its recipient);
 * - a resolution registry entry of the province (its office registers it);
 * - fresh programmes on demand, for writes that would end the one above.
 */
export interface AuthorizationFixtures {
  programmeId: string;
  task1: string;
  task2: string;
  reportId: string;
  /** An ISSUED document (PDF) of the programme: everyone who opens the programme reads it. */
  documentId: string;
  cycle: { unitId: string; year: number };
  foreignNotificationId: string;
  /** A registry entry issued by the province. */
  resolutionId: string;
  /** A field group of the province, in force, and one retired. */
  fieldGroupId: string;
  retiredFieldGroupId: string;
  /** A new programme of the province in SURVEY, not yet in the read model. */
  freshProgramme(): Promise<string>;
}

const ISSUE_DUE = () => new Date(Date.now() + 10 * 86_400_000).toISOString();

/** Acting through the API as the seeded people: their auth header, a province programme, a staff action. */
export function asSeededPeople(stack: TestStack) {
  const auth = async (username: string) => ({ Authorization: `Bearer ${await stack.login(username)}` });
  return {
    auth,
    /** A programme of Tỉnh ủy Hậu Giang on the `drill` template, created by its office. */
    async create(id: string, title: string): Promise<string> {
      const res = await stack
        .http()
        .post('/programmes')
        .set(await auth('chuyenvien.hg'))
        .send({
          id,
          templateId: 'drill',
          title,
          issuingUnitId: 'hg-tu',
          memberInChargeId: 'hg-pbt',
          fieldGroup: 'economy',
          term: '2025-2030',
        });
      if (res.status !== 201) throw new Error(`create ${id}: ${res.status} ${JSON.stringify(res.body)}`);
      return id;
    },
    /** A staff action that must succeed; its answer. */
    async act(username: string, id: string, action: string, payload: object): Promise<Record<string, any>> {
      const res = await stack
        .http()
        .post(`/programmes/${id}/actions/${action}`)
        .set(await auth(username))
        .send({ requestId: randomUUID(), payload });
      if (res.status !== 200) throw new Error(`${action} by ${username}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    },
  };
}

export async function buildAuthorizationFixtures(stack: TestStack): Promise<AuthorizationFixtures> {
  const { auth, create, act } = asSeededPeople(stack);

  const programmeId = await create(
    `authz-${randomUUID().slice(0, 8)}`,
    'Chương trình hành động thực hiện Nghị quyết 57-NQ/TW',
  );
  await act('chuyenvien.hg', programmeId, 'assignSurveyors', { surveyorIds: ['hg-skhdt-gd'] });
  await act('gd.skhdt.hg', programmeId, 'submitSurveyFindings', { text: 'Hạ tầng số cấp xã còn thiếu' });
  await act('chuyenvien.hg', programmeId, 'closeSurvey', {});
  await act('chuyenvien.hg', programmeId, 'submitDraft', { text: 'Dự thảo chương trình lần 1', changeNote: 'bản đầu' });
  await act('chuyenvien.hg', programmeId, 'openConsultation', { inviteeIds: ['hg-tv1', 'hg-skhdt-gd'] });
  await act('tvbtv.hg', programmeId, 'submitOpinion', { text: 'Ý kiến riêng của Ủy viên Ban Thường vụ' });
  await act('gd.skhdt.hg', programmeId, 'submitOpinion', { text: 'Ý kiến riêng của Giám đốc Sở' });
  await act('chuyenvien.hg', programmeId, 'closeConsultation', {});
  await act('chuyenvien.hg', programmeId, 'submitForApproval', {});
  await act('bithu.hg', programmeId, 'approve', {});
  await act('chuyenvien.hg', programmeId, 'issue', {
    documentNumber: '57-CTr/TU',
    issuedOn: new Date().toISOString().slice(0, 10),
    targets: [
      {
        code: 'DX',
        name: 'Tỷ lệ hồ sơ trực tuyến toàn trình',
        unit: '%',
        goal: { comparator: 'AT_LEAST', goal: '80' },
        responsibleUnitId: 'hg-skhdt',
      },
    ],
    tasks: [
      {
        code: 'T1',
        title: 'Kế hoạch chuyển đổi số',
        responsibleUnitId: 'hg-skhdt',
        responsiblePersonId: 'hg-skhdt-gd',
        dueAt: ISSUE_DUE(),
      },
      {
        code: 'T2',
        title: 'Chuyển đổi số cấp thành phố',
        responsibleUnitId: 'hg-vithanh',
        responsiblePersonId: 'hg-vithanh-bt',
        dueAt: ISSUE_DUE(),
      },
    ],
    solutions: ['Đầu tư hạ tầng số'],
    resources: ['Ngân sách tỉnh'],
  });
  await act('bithu.hg', programmeId, 'recordDissemination', {
    heldOn: new Date().toISOString().slice(0, 10),
    audienceIds: ['hg-skhdt-gd'],
  });
  await act('ubkt.hg', programmeId, 'recordInspection', { findings: 'Kết luận kiểm tra nội bộ', unitId: 'hg-skhdt' });

  const year = 2100 + Math.floor(Math.random() * 800);
  const opened = await stack
    .http()
    .post('/breakthrough/cycles')
    .set(await auth('bithu.hg'))
    .send({
      unitId: 'hg-tu',
      year,
      title: `Việc đột phá năm ${year}`,
      registrationDeadline: new Date(Date.now() + 86_400_000).toISOString(),
      appraisalDeadline: new Date(Date.now() + 2 * 86_400_000).toISOString(),
    });
  if (opened.status !== 201) throw new Error(`open cycle: ${opened.status} ${JSON.stringify(opened.body)}`);

  const cv = await auth('chuyenvien.hg');
  const task1 = `${programmeId}/T1`;
  const task2 = `${programmeId}/T2`;
  await eventually(async () => {
    const [one, two, cycle] = await Promise.all([
      stack
        .http()
        .get(`/tasks/${encodeURIComponent(task1)}`)
        .set(cv),
      stack
        .http()
        .get(`/tasks/${encodeURIComponent(task2)}`)
        .set(cv),
      stack.http().get(`/breakthrough/cycles/hg-tu/${year}`).set(cv),
    ]);
    return one.status === 200 && two.status === 200 && cycle.status === 200;
  }, 'the tasks and the cycle in the read model');
  await eventually(
    async () => {
      const res = await stack.http().get(`/programmes/${programmeId}`).set(cv);
      return res.body.reviews?.some((r: { seq: number; closedAt: string | null }) => r.seq === 1 && r.closedAt);
    },
    'the first review closed',
    60_000,
  );
  const report = await stack.http().post(`/programmes/${programmeId}/reports`).set(cv).send({ reviewSeq: 1 });
  if (report.status !== 201) throw new Error(`report: ${report.status} ${JSON.stringify(report.body)}`);
  const document = await stack
    .http()
    .post(`/programmes/${programmeId}/documents`)
    .set(cv)
    .field('kind', 'ISSUED')
    .attach('file', tinyPdf('57-CTr/TU'), 'Chương trình 57-CTr-TU.pdf');
  if (document.status !== 201) throw new Error(`document: ${document.status} ${JSON.stringify(document.body)}`);
  const director = await auth('gd.skhdt.hg');
  const notification = await eventually(async () => {
    const res = await stack.http().get('/inbox').set(director);
    return res.body.items?.find((n: { programmeId: string }) => n.programmeId === programmeId);
  }, "a notification in the director's inbox");

  const resolution = await stack.http().post('/resolutions').set(cv).send(newResolution());
  if (resolution.status !== 201) throw new Error(`resolution: ${resolution.status} ${JSON.stringify(resolution.body)}`);

  const group = async (code: string) => {
    const res = await stack
      .http()
      .post('/field-groups')
      .set(cv)
      .send({ code, name: `Lĩnh vực thử ${code}`, supervisorId: 'hg-tv1' });
    if (res.status !== 201) throw new Error(`field group: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  };
  const fieldGroupId = await group(`authz-${randomUUID().slice(0, 8)}`);
  const retiredFieldGroupId = await group(`authz-${randomUUID().slice(0, 8)}`);
  const retired = await stack.http().post(`/field-groups/${retiredFieldGroupId}/retire`).set(cv);
  if (retired.status !== 200) throw new Error(`retire: ${retired.status} ${JSON.stringify(retired.body)}`);

  return {
    programmeId,
    task1,
    task2,
    reportId: report.body.id,
    documentId: document.body.id,
    resolutionId: resolution.body.id,
    fieldGroupId,
    retiredFieldGroupId,
    cycle: { unitId: 'hg-tu', year },
    foreignNotificationId: notification.id,
    freshProgramme: () => create(`authz-fresh-${randomUUID().slice(0, 8)}`, 'Chương trình thực hiện Kết luận 14-KL/TW'),
  };
}

/** A new registry entry of Tỉnh ủy Hậu Giang, with a number no other has. */
export function newResolution() {
  return {
    kind: 'RESOLUTION',
    number: `${Math.floor(100 + Math.random() * 900_000)}-NQ/TU`,
    issuingUnitId: 'hg-tu',
    signedOn: '2022-06-01',
    title: 'Về phát triển nguồn nhân lực giai đoạn 2021-2025',
    fieldGroup: 'human-resources',
  };
}
