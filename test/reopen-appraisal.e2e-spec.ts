import { randomUUID } from 'node:crypto';
import { Client } from '@temporalio/client';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { vnYear } from '@app/domain';
import { recordHistories } from './utils/record-history';
import { eventually, startTestStack, TestStack } from './utils/test-stack';

/** Collects a binary response body into a Buffer (supertest parses only text by default). */
function binary(res: NodeJS.ReadableStream, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

/**
 * Issue 13, items 7, 8 and 11 over HTTP on the real stack: an inspection finding reopens a done
 * task (the buckets move it back to open) and opens a corrective task; the yearly appraisal's
 * figures for a unit and a person, rated and exported (CSV and XLSX read back); a commendation at a
 * periodic review listed in its report; cancelling a programme cancels its open tasks (their
 * workflows close, so no reminder can follow) and superseding one carries them to the new programme.
 */
describe('reopening, yearly appraisal and ending a programme (e2e)', () => {
  let stack: TestStack;
  const suffix = randomUUID().slice(0, 8);
  const progA = `e2e-reopen-${suffix}`;
  const progB = `e2e-successor-${suffix}`;
  const progC = `e2e-cancelled-${suffix}`;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  type Who = 'cv' | 'bithu' | 'pbt' | 'skhdt' | 'stc' | 'ubkt';
  let tokens: Record<Who, string>;
  // All due dates in one year (Vietnam time): the appraisal counts tasks by the year they are due in.
  const d1 = new Date(Date.now() + 10 * 86_400_000);
  const d2 = new Date(d1.getTime() + 2 * 3_600_000);
  const year = vnYear(d1);

  beforeAll(async () => {
    stack = await startTestStack();
    tokens = {
      cv: await stack.login('chuyenvien.hg'),
      bithu: await stack.login('bithu.hg'),
      pbt: await stack.login('pbt.hg'),
      skhdt: await stack.login('gd.skhdt.hg'),
      stc: await stack.login('gd.stc.hg'),
      ubkt: await stack.login('ubkt.hg'),
    };
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
  });

  const act = (who: Who, programmeId: string, action: string, payload: object) =>
    stack
      .http()
      .post(`/programmes/${programmeId}/actions/${action}`)
      .set(auth(tokens[who]))
      .send({ requestId: randomUUID(), payload });
  const ok = async (who: Who, programmeId: string, action: string, payload: object = {}) => {
    const res = await act(who, programmeId, action, payload);
    if (res.status !== 200) throw new Error(`${action}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const taskOk = async (who: Who, taskId: string, action: string, payload: object = {}) => {
    const res = await stack
      .http()
      .post(`/tasks/${encodeURIComponent(taskId)}/actions/${action}`)
      .set(auth(tokens[who]))
      .send({ requestId: randomUUID(), payload });
    if (res.status !== 200) throw new Error(`${taskId} ${action}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const task = async (taskId: string) =>
    (
      await stack
        .http()
        .get(`/tasks/${encodeURIComponent(taskId)}`)
        .set(auth(tokens.pbt))
    ).body;
  const taskWhen = (taskId: string, check: (t: Record<string, any>) => boolean, what: string) =>
    eventually(async () => {
      const body = await task(taskId);
      return body?.task && check(body.task) && body;
    }, what);
  const history = async (taskId: string): Promise<string[]> => {
    const res = await stack
      .http()
      .get(`/tasks/${encodeURIComponent(taskId)}/history`)
      .set(auth(tokens.pbt));
    expect(res.status).toBe(200);
    return res.body.items.map((e: { action: string }) => e.action);
  };
  const liveState = async (programmeId: string) =>
    (await stack.http().get(`/programmes/${programmeId}`).set(auth(tokens.cv))).body.live.state;
  const bucketsByUnit = async (programmeId: string) => {
    const res = await stack.http().get(`/tasks/buckets?groupBy=unit&programmeId=${programmeId}`).set(auth(tokens.pbt));
    expect(res.status).toBe(200);
    return Object.fromEntries(res.body.items.map((r: { key: string }) => [r.key, r]));
  };
  const appraisal = async (by: 'unit' | 'person') => {
    const res = await stack.http().get(`/appraisal/${year}?committeeId=hg-tu&by=${by}`).set(auth(tokens.bithu));
    expect(res.status).toBe(200);
    return Object.fromEntries(res.body.items.map((r: { subjectId: string }) => [r.subjectId, r]));
  };

  /** The tasks figures of `GET /supervision/responsiveness`, by key. */
  const responsiveness = async (by: 'unit' | 'person') => {
    const res = await stack
      .http()
      .get(`/supervision/responsiveness?committeeId=hg-tu&by=${by}&term=2025-2030&pageSize=100`)
      .set(auth(tokens.bithu));
    expect(res.status).toBe(200);
    expect(res.body.total).toBeLessThanOrEqual(100);
    return Object.fromEntries(res.body.items.map((r: { key: string; tasks: object }) => [r.key, r.tasks]));
  };
  /** The change of one key's task figures since `was` (rates left out: they are not additive). */
  const tasksDelta = (now: Record<string, any>, was: Record<string, any>, key: string) => {
    const a = now[key] ?? {};
    const b = was[key] ?? {};
    return Object.fromEntries(
      Object.keys(a)
        .filter((k) => k !== 'onTimeRate')
        .map((k) => [k, a[k] - (b[k] ?? 0)]),
    );
  };
  const NO_TASKS = { due: 0, onTime: 0, late: 0, overdue: 0, open: 0, reopened: 0, reopenedOpen: 0, reopenings: 0 };

  /** A programme of the province carried to implementation (or just issued) with the given tasks. */
  async function issuedProgramme(id: string, tasks: object[], disseminate: boolean) {
    await stack
      .http()
      .post('/programmes')
      .set(auth(tokens.cv))
      .send({
        id,
        templateId: 'drill',
        title: 'Chương trình hành động thực hiện Nghị quyết 57-NQ/TW về khoa học, công nghệ',
        issuingUnitId: 'hg-tu',
        memberInChargeId: 'hg-pbt',
        fieldGroup: 'economy',
        term: '2025-2030',
      })
      .expect(201);
    await ok('cv', id, 'assignSurveyors', { surveyorIds: ['hg-skhdt-gd'] });
    await ok('skhdt', id, 'submitSurveyFindings', { text: 'Hạ tầng số của tỉnh còn thiếu.' });
    await ok('cv', id, 'closeSurvey');
    await ok('cv', id, 'submitDraft', { documentRef: 'DT-57/VPTU', changeNote: 'Dự thảo lần 1' });
    await ok('cv', id, 'openConsultation', { inviteeIds: ['hg-skhdt-gd'] });
    await ok('skhdt', id, 'submitOpinion', { text: 'Nhất trí' });
    await ok('cv', id, 'closeConsultation');
    await ok('cv', id, 'submitForApproval');
    await ok('bithu', id, 'approve');
    await ok('cv', id, 'issue', {
      documentNumber: `57-CTr/TU-${suffix}`,
      issuedOn: new Date().toISOString().slice(0, 10),
      targets: [],
      tasks,
      solutions: ['Chuyển đổi số'],
      resources: ['Ngân sách tỉnh'],
    });
    if (disseminate) await ok('bithu', id, 'recordDissemination', { heldOn: '2026-01-05', audienceIds: ['hg-pbt'] });
  }

  let before: { unit: Record<string, any>; person: Record<string, any> };
  let responsiveBefore: { unit: Record<string, any>; person: Record<string, any> };

  it('reopens a done task on an inspection finding: the buckets count it open again; a corrective task starts', async () => {
    before = { unit: await appraisal('unit'), person: await appraisal('person') };
    responsiveBefore = { unit: await responsiveness('unit'), person: await responsiveness('person') };
    const t = (code: string, unit: string, person: string) => ({
      code,
      title: `Nhiệm vụ ${code}`,
      responsibleUnitId: unit,
      responsiblePersonId: person,
      coordinatingUnitIds: [],
      dueAt: d1.toISOString(),
    });
    await issuedProgramme(progA, [t('T1', 'hg-skhdt', 'hg-skhdt-gd'), t('T2', 'hg-stc', 'hg-stc-gd')], true);
    const t1 = `${progA}/T1`;
    await taskWhen(t1, (x) => x.status === 'ASSIGNED', 'T1 assigned');
    await taskOk('skhdt', t1, 'accept');
    await taskOk('skhdt', t1, 'submitResult', { text: 'Đã ban hành kế hoạch' });
    await taskOk('cv', t1, 'verify');
    await taskWhen(t1, (x) => x.status === 'DONE', 'T1 done');
    await eventually(async () => (await liveState(progA)).taskOutcomes?.[t1]?.status === 'DONE', 'T1 counted done');
    expect((await bucketsByUnit(progA))['hg-skhdt']).toMatchObject({ DONE_ON_TIME: 1, OPEN_WITHIN_DEADLINE: 0 });

    // Refusals: a task not done (409), a task of no programme of ours (400), a staff member (403).
    const notDone = await act('ubkt', progA, 'recordInspection', {
      findings: 'Chậm',
      reopenTasks: [{ taskId: `${progA}/T2`, dueAt: d2.toISOString(), reason: 'Chưa đạt' }],
    });
    expect(notDone.status).toBe(409);
    expect(notDone.body.message).toMatch(/not done/);
    const unknown = await act('ubkt', progA, 'recordInspection', {
      findings: 'Chậm',
      reopenTasks: [{ taskId: 'other/T9', dueAt: d2.toISOString(), reason: 'Chưa đạt' }],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toMatch(/not a task of this programme/);
    const byStaff = await act('stc', progA, 'recordInspection', { findings: 'x' });
    expect(byStaff.status).toBe(403);

    await ok('ubkt', progA, 'recordInspection', {
      findings: 'Kế hoạch thu hút đầu tư chưa có giải pháp cụ thể; Sở Tài chính phải khắc phục.',
      unitId: 'hg-skhdt',
      reopenTasks: [{ taskId: t1, dueAt: d2.toISOString(), reason: 'Kết quả chưa đạt yêu cầu' }],
      correctiveTasks: [
        { ...t('K1', 'hg-stc', 'hg-stc-gd'), dueAt: d2.toISOString(), title: 'Khắc phục sau kiểm tra' },
      ],
    });
    const reopened = await taskWhen(t1, (x) => x.status === 'ASSIGNED', 'T1 reopened');
    expect(reopened.task.dueAt).toBe(d2.toISOString());
    expect(reopened.task.bucket).toBe('OPEN_WITHIN_DEADLINE');
    expect(reopened.live.state.reopenings).toHaveLength(1);
    expect(reopened.live.state.reopenings[0]).toMatchObject({ inspectionNo: 1, reason: 'Kết quả chưa đạt yêu cầu' });
    expect(await history(t1)).toEqual(expect.arrayContaining(['verify', 'reopened']));
    const units = await bucketsByUnit(progA);
    expect(units['hg-skhdt']).toMatchObject({ DONE_ON_TIME: 0, OPEN_WITHIN_DEADLINE: 1, total: 1 });
    const k1 = await taskWhen(`${progA}/K1`, (x) => x.status === 'ASSIGNED', 'corrective task K1');
    expect(k1.task).toMatchObject({ source: 'CORRECTIVE', responsibleUnitId: 'hg-stc', dueAt: d2.toISOString() });
    expect((await bucketsByUnit(progA))['hg-stc']).toMatchObject({ OPEN_WITHIN_DEADLINE: 2, total: 2 });

    // Responsiveness: the reopened task is no longer on time; it is open again and counted as reopened.
    const whileReopened = await responsiveness('unit');
    expect(tasksDelta(whileReopened, responsiveBefore.unit, 'hg-skhdt')).toEqual({
      ...NO_TASKS,
      open: 1,
      reopened: 1,
      reopenedOpen: 1,
      reopenings: 1,
    });
    expect(tasksDelta(whileReopened, responsiveBefore.unit, 'hg-stc')).toEqual({ ...NO_TASKS, open: 2 });
    expect(tasksDelta(await responsiveness('person'), responsiveBefore.person, 'hg-skhdt-gd')).toEqual({
      ...NO_TASKS,
      open: 1,
      reopened: 1,
      reopenedOpen: 1,
      reopenings: 1,
    });

    // Done again: on time against the new deadline.
    await taskOk('skhdt', t1, 'accept');
    await taskOk('skhdt', t1, 'submitResult', { text: 'Đã bổ sung giải pháp' });
    await taskOk('cv', t1, 'verify');
    await taskWhen(t1, (x) => x.status === 'DONE', 'T1 done again');
    expect((await bucketsByUnit(progA))['hg-skhdt']).toMatchObject({ DONE_ON_TIME: 1, total: 1 });
    const doneAgain = await responsiveness('unit');
    expect(tasksDelta(doneAgain, responsiveBefore.unit, 'hg-skhdt')).toEqual({
      ...NO_TASKS,
      due: 1,
      onTime: 1,
      reopened: 1,
      reopenings: 1,
    });
    const csv = await stack
      .http()
      .get('/supervision/responsiveness?committeeId=hg-tu&by=unit&term=2025-2030&format=csv')
      .set(auth(tokens.bithu));
    expect(csv.status).toBe(200);
    const [head, ...lines] = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    const cols = head.split(',');
    const skhdt = lines.map((l) => l.split(',')).find((cells) => cells[0] === 'hg-skhdt')!;
    expect(skhdt[cols.indexOf('tasksReopened')]).toBe(String(doneAgain['hg-skhdt'].reopened));
    expect(skhdt[cols.indexOf('tasksOnTime')]).toBe(String(doneAgain['hg-skhdt'].onTime));
  });

  it("gives a unit's and a person's yearly figures exactly, rates them and exports CSV and XLSX that parse back", async () => {
    const delta = (now: Record<string, any>, was: Record<string, any>, id: string) => {
      const a = now[id]?.figures;
      const b = was[id]?.figures ?? {};
      return Object.fromEntries(Object.keys(a).map((k) => [k, a[k] === null ? null : a[k] - (b[k] ?? 0)]));
    };
    const units = await appraisal('unit');
    expect(delta(units, before.unit, 'hg-skhdt')).toMatchObject({
      tasksTotal: 1,
      tasksOnTime: 1,
      tasksLate: 0,
      tasksOverdue: 0,
      tasksOpen: 0,
      tasksReopened: 1,
    });
    expect(delta(units, before.unit, 'hg-stc')).toMatchObject({ tasksTotal: 2, tasksOpen: 2, tasksOnTime: 0 });
    const people = await appraisal('person');
    expect(delta(people, before.person, 'hg-skhdt-gd')).toEqual({
      tasksTotal: 1,
      tasksOnTime: 1,
      tasksLate: 0,
      tasksOverdue: 0,
      tasksOpen: 0,
      tasksReopened: 1,
      targetsAchieved: null,
      targetsTotal: null,
    });

    const rate = (who: Who, body: object, subject = 'UNIT/hg-skhdt') =>
      stack.http().put(`/appraisal/${year}/${subject}`).set(auth(tokens[who])).send(body);
    expect((await rate('stc', { rating: 'GOOD', comment: 'x' })).status).toBe(403);
    expect((await rate('cv', { rating: 'GOOD', comment: 'x' })).status).toBe(403);
    expect((await rate('bithu', { rating: 'SPLENDID', comment: 'x' })).status).toBe(400);
    expect((await rate('bithu', { rating: 'GOOD', comment: 'x' }, 'UNIT/no-such-unit')).status).toBe(404);
    const rated = await rate('bithu', { rating: 'EXCELLENT', comment: 'Hoàn thành xuất sắc nhiệm vụ năm' });
    expect(rated.status).toBe(200);
    expect(rated.body).toMatchObject({
      subjectKind: 'UNIT',
      subjectId: 'hg-skhdt',
      figures: units['hg-skhdt'].figures,
      appraisal: { rating: 'EXCELLENT', comment: 'Hoàn thành xuất sắc nhiệm vụ năm', appraisedBy: 'hg-bithu' },
    });

    const csv = await stack
      .http()
      .get(`/appraisal/${year}?committeeId=hg-tu&by=unit&format=csv`)
      .set(auth(tokens.bithu));
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    const header = lines[0].split(',');
    const row = lines.map((l) => l.split(',')).find((cells) => cells[1] === 'hg-skhdt')!;
    const cell = (name: string) => row[header.indexOf(name)];
    expect(cell('tasksOnTime')).toBe(String(units['hg-skhdt'].figures.tasksOnTime));
    expect(cell('tasksReopened')).toBe(String(units['hg-skhdt'].figures.tasksReopened));
    expect(cell('rating')).toBe('EXCELLENT');

    const xlsx = await stack
      .http()
      .get(`/appraisal/${year}?committeeId=hg-tu&by=unit&format=xlsx`)
      .set(auth(tokens.bithu))
      .buffer(true)
      .parse(binary as never);
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as never);
    const sheet = book.worksheets[0];
    expect(sheet.name).toBe(`Đánh giá ${year}`);
    const heads = (sheet.getRow(1).values as unknown[]).slice(1);
    const found = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(2).value === 'hg-skhdt')!;
    expect(found.getCell(heads.indexOf('tasksTotal') + 1).value).toBe(units['hg-skhdt'].figures.tasksTotal);
    expect(found.getCell(heads.indexOf('rating') + 1).value).toBe('EXCELLENT');
  });

  it("lists a commendation made at a periodic review in that review's report", async () => {
    const reason = 'Sở Kế hoạch và Đầu tư khắc phục kịp thời sau kiểm tra';
    const bad = await act('bithu', progA, 'commendAtReview', {
      reviewSeq: 99,
      subjectKind: 'UNIT',
      subjectId: 'hg-skhdt',
      reason,
    });
    expect(bad.status).toBe(400);
    await ok('bithu', progA, 'commendAtReview', { reviewSeq: 1, subjectKind: 'UNIT', subjectId: 'hg-skhdt', reason });
    // The drill's first review closes within seconds of implementation starting.
    await eventually(
      async () => (await liveState(progA)).implementation.reviews[0].closedAt !== null,
      'review 1 closed',
      60_000,
    );
    const created = await stack.http().post(`/programmes/${progA}/reports`).set(auth(tokens.cv)).send({ reviewSeq: 1 });
    expect(created.status).toBe(201);
    const file = await stack
      .http()
      .get(`/programmes/${progA}/reports/${created.body.id}`)
      .set(auth(tokens.cv))
      .buffer(true)
      .parse(binary as never);
    expect(file.status).toBe(200);
    const xml = await (await JSZip.loadAsync(file.body as Buffer)).file('word/document.xml')!.async('string');
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' ');
    expect(text).toContain('Biểu dương trong kỳ');
    expect(text).toContain(reason);
  });

  it('cancelling a programme cancels its open tasks in the same act: their workflows close, so no reminder follows', async () => {
    const soon = new Date(Date.now() + 90_000).toISOString();
    await issuedProgramme(
      progC,
      [
        {
          code: 'C1',
          title: 'Nhiệm vụ sắp đến hạn',
          responsibleUnitId: 'hg-stc',
          responsiblePersonId: 'hg-stc-gd',
          coordinatingUnitIds: [],
          dueAt: soon,
        },
      ],
      false,
    );
    const c1 = `${progC}/C1`;
    const open = await taskWhen(c1, (x) => x.status === 'ASSIGNED', 'C1 assigned');
    expect(open.live.upcoming.length).toBeGreaterThan(0);
    await ok('bithu', progC, 'cancel', { reason: 'Nghị quyết đã được thay thế' });
    const cancelled = await taskWhen(c1, (x) => x.status === 'CANCELLED', 'C1 cancelled with the programme');
    expect(cancelled.live.state.endReason).toMatch(/cancelled because the programme was cancelled/);
    expect(await history(c1)).toContain('cancelled.programmeEnded');
    const client = stack.api.get(Client);
    const described = await client.workflow.getHandle(`task/${c1}`).describe();
    expect(described.status.name).toBe('COMPLETED');
    expect(cancelled.live.upcoming).toEqual([]);
    expect(cancelled.task.bucket).toBeNull();
  });

  it('superseding a programme carries its open tasks, with their history, to the superseding programme', async () => {
    await stack
      .http()
      .post('/programmes')
      .set(auth(tokens.cv))
      .send({
        id: progB,
        templateId: 'drill',
        title: 'Chương trình hành động (thay thế) thực hiện Nghị quyết 57-NQ/TW',
        issuingUnitId: 'hg-tu',
        memberInChargeId: 'hg-pbt',
        fieldGroup: 'economy',
        term: '2025-2030',
      })
      .expect(201);
    await ok('bithu', progA, 'supersede', { reason: 'Ban hành chương trình mới', byProgrammeId: progB });
    for (const code of ['T2', 'K1']) {
      const id = `${progA}/${code}`;
      const carried = await taskWhen(id, (x) => x.programmeId === progB, `${code} carried to ${progB}`);
      expect(carried.task.status).toBe('ASSIGNED');
      expect(carried.live.state.carriedFrom).toEqual([expect.objectContaining({ programmeId: progA })]);
      expect(await history(id)).toEqual(['assigned', 'carried.toSupersedingProgramme']);
    }
    // The done task stays with the programme it was done in.
    expect((await task(`${progA}/T1`)).task.programmeId).toBe(progA);
    await eventually(async () => {
      const outcomes = (await liveState(progB)).taskOutcomes ?? {};
      return outcomes[`${progA}/T2`] && outcomes[`${progA}/K1`];
    }, 'the superseding programme counts the carried tasks');
    expect((await bucketsByUnit(progB))['hg-stc']).toMatchObject({ OPEN_WITHIN_DEADLINE: 2, total: 2 });
  });

  it('keeps the histories of these workflows as replay fixtures (with RECORD_HISTORIES_TO)', async () => {
    const client = stack.api.get(Client);
    const written = [
      ...(await recordHistories(client, `programme/${progA}`, 'programme-reopen-corrective-supersede.v2')),
      ...(await recordHistories(client, `programme/${progC}`, 'programme-cancel-ends-tasks.v2')),
      ...(await recordHistories(client, `task/${progA}/T1`, 'task-reopened-done-again.v2')),
      ...(await recordHistories(client, `task/${progA}/T2`, 'task-carried-to-superseding.v2')),
      ...(await recordHistories(client, `task/${progC}/C1`, 'task-cancelled-with-programme.v2')),
    ];
    expect(written).toHaveLength(process.env.RECORD_HISTORIES_TO ? 5 : 0);
  });
});
