/**
 * Issuance from a spreadsheet and each unit's review report form, over HTTP on the real stack:
 * - the programme's template downloads (XLSX with drop-downs, CSV per sheet) and imports back clean;
 * - a file with many kinds of row errors lists each with its sheet, row and column, and writes nothing;
 * - the payload an import proposes, sent to the `issue` action, issues the programme with exactly
 *   those targets and tasks;
 * - the review report form of a unit starts from its goals, its own report and earlier values.
 */
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { asSeededPeople } from './utils/authorization-fixtures';
import { binary } from './utils/docx';
import { eventually, startTestStack, TestStack } from './utils/test-stack';

const u = randomUUID().slice(0, 6);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const TARGET_HEADERS = [
  'Mã chỉ tiêu',
  'Tên chỉ tiêu',
  'Đơn vị tính',
  'Giá trị cơ sở',
  'Loại chỉ tiêu',
  'Mục tiêu',
  'Cận trên',
  'Kế hoạch từng năm',
  'Mã đơn vị chủ trì',
];
const TASK_HEADERS = [
  'Mã nhiệm vụ',
  'Tên nhiệm vụ',
  'Mã đơn vị chủ trì',
  'Người chủ trì (tên đăng nhập)',
  'Đơn vị phối hợp',
  'Hạn hoàn thành',
];

async function workbook(targets: ExcelJS.CellValue[][], tasks: ExcelJS.CellValue[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const t = wb.addWorksheet('Chỉ tiêu');
  [TARGET_HEADERS, ...targets].forEach((r) => t.addRow(r));
  const n = wb.addWorksheet('Nhiệm vụ');
  [TASK_HEADERS, ...tasks].forEach((r) => n.addRow(r));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('issuance import and review forms (e2e)', () => {
  let stack: TestStack;
  const id = `issuance-import-${u}`;

  beforeAll(async () => {
    stack = await startTestStack();
  });

  afterAll(async () => {
    await stack?.close();
  });

  const auth = async (username: string) => ({ Authorization: `Bearer ${await stack.login(username)}` });
  const upload = async (username: string, file: Buffer, name: string, fields: Record<string, string> = {}) => {
    let req = stack
      .http()
      .post(`/programmes/${id}/issuance/import`)
      .set(await auth(username))
      .attach('file', file, name);
    for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
    return req;
  };
  const template = async (username: string, query: string) =>
    stack
      .http()
      .get(`/programmes/${id}/issuance/template${query}`)
      .set(await auth(username))
      .buffer(true)
      .parse(binary as never);
  const state = async () =>
    (
      await stack
        .http()
        .get(`/programmes/${id}`)
        .set(await auth('chuyenvien.hg'))
    ).body.live.state;

  it('takes a programme from its template through an import to issuance, and gives each unit its review form', async () => {
    const { create, act } = asSeededPeople(stack);
    await create(id, 'Chương trình hành động về chuyển đổi số (nhập từ bảng tính)');
    await act('chuyenvien.hg', id, 'assignSurveyors', { surveyorIds: ['hg-skhdt-gd'] });
    await act('gd.skhdt.hg', id, 'submitSurveyFindings', { text: 'Hạ tầng số cấp xã còn thiếu' });
    await act('chuyenvien.hg', id, 'closeSurvey', {});
    await act('chuyenvien.hg', id, 'submitDraft', { text: 'Dự thảo', changeNote: 'bản đầu' });
    await act('chuyenvien.hg', id, 'openConsultation', { inviteeIds: ['hg-skhdt-gd'] });
    await act('gd.skhdt.hg', id, 'submitOpinion', { text: 'Đồng ý' });
    await act('chuyenvien.hg', id, 'closeConsultation', {});
    await act('chuyenvien.hg', id, 'submitForApproval', {});
    await act('bithu.hg', id, 'approve', {});

    // The XLSX template: both sheets, Vietnamese headers with the English key in a note, drop-downs.
    const xlsx = await template('chuyenvien.hg', '?format=xlsx');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toBe(XLSX);
    expect(xlsx.headers['content-disposition']).toBe(
      `attachment; filename="mau-ban-hanh.xlsx"; filename*=UTF-8''mau-ban-hanh.xlsx`,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Hướng dẫn', 'Chỉ tiêu', 'Nhiệm vụ', 'Danh mục']);
    const targetsSheet = wb.getWorksheet('Chỉ tiêu')!;
    expect(targetsSheet.getCell('A1').value).toBe('Mã chỉ tiêu');
    expect(String(targetsSheet.getCell('A1').note)).toMatch(/^code \(bắt buộc \/ required\)/);
    expect(targetsSheet.getCell('E2').dataValidation).toMatchObject({ type: 'list' });
    const lists = wb.getWorksheet('Danh mục')!;
    const unitCodes = lists.getColumn(3).values.filter((v) => typeof v === 'string');
    expect(unitCodes).toEqual(expect.arrayContaining(['HG-TU', 'HG-SKHDT', 'HG-VITHANH']));
    expect(unitCodes).not.toContain('LC-TU');

    // ... and it imports back clean: the sample target and task, the head of the unit leading the task.
    const clean = await upload('chuyenvien.hg', xlsx.body, 'mau.xlsx');
    expect(clean.status).toBe(200);
    expect(clean.body.problems).toEqual([]);
    expect(clean.body.payload.targets).toEqual([expect.objectContaining({ code: 'CT01', responsibleUnitId: 'hg-tu' })]);
    expect(clean.body.payload.tasks).toEqual([
      expect.objectContaining({ code: 'NV01', responsibleUnitId: 'hg-tu', responsiblePersonId: 'hg-bithu' }),
    ]);
    // The CSV template of the tasks sheet reads back alone.
    const csv = await template('bithu.hg', '?format=csv&sheet=tasks');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body.toString('utf8')).toMatch(/^\uFEFFMã nhiệm vụ \(code\),Tên nhiệm vụ \(title\)/);
    const csvBack = await upload('bithu.hg', csv.body, 'nhiem-vu.csv');
    expect(csvBack.body).toMatchObject({ problems: [], payload: { targets: [], tasks: [{ code: 'NV01' }] } });

    // A file with row errors of many kinds: each named with its sheet, row and column; nothing written.
    const overLimit = Array.from({ length: 500 }, (_, i) => [
      `X${i}`,
      'Chỉ tiêu thừa',
      '%',
      '',
      'AT_LEAST',
      '1',
      '',
      '',
      'HG-TU',
    ]);
    const bad = await workbook(
      [
        ['CT01', 'Tỷ lệ xã có hạ tầng số', '%', '', 'AT_LEAST', '90', '', '', 'HG-SKHDT'],
        ['CT01', 'Trùng mã', '%', '', 'AT_LEAST', '10', '', '', 'HG-SKHDT'],
        ['CT03', 'Giá trị không phải số', '%', '', 'AT_LEAST', 'chín mươi', '', '', 'HG-SKHDT'],
        ['CT04', 'Ô có công thức', '%', '', 'AT_LEAST', { formula: '45+45', result: 90 }, '', '', 'HG-SKHDT'],
        ...overLimit,
      ],
      [
        ['', 'Đơn vị không có', 'SO-KHONG-CO', '', '', '31/12/2030'],
        ['', 'Ngày không có thật', 'HG-SKHDT', 'gd.skhdt.hg', '', '31/02/2030'],
      ],
    );
    const checked = await upload('chuyenvien.hg', bad, 'loi.xlsx');
    expect(checked.status).toBe(200);
    expect(checked.body.problems).toEqual([
      expect.objectContaining({
        sheet: 'Chỉ tiêu',
        row: 3,
        column: 'Mã chỉ tiêu',
        message: expect.stringMatching(/duplicate target code CT01/),
      }),
      expect.objectContaining({
        sheet: 'Chỉ tiêu',
        row: 4,
        column: 'Mục tiêu',
        message: expect.stringMatching(/not a number/),
      }),
      expect.objectContaining({
        sheet: 'Chỉ tiêu',
        row: 5,
        column: 'Mục tiêu',
        message: expect.stringMatching(/formula/),
      }),
      expect.objectContaining({
        sheet: 'Chỉ tiêu',
        row: 502,
        column: null,
        message: expect.stringMatching(/too many rows: at most 500 targets/),
      }),
      expect.objectContaining({
        sheet: 'Nhiệm vụ',
        row: 2,
        column: 'Mã đơn vị chủ trì',
        message: expect.stringMatching(/unknown unit code SO-KHONG-CO/),
      }),
      expect.objectContaining({
        sheet: 'Nhiệm vụ',
        row: 3,
        column: 'Hạn hoàn thành',
        message: expect.stringMatching(/31\/02\/2030 is not a date/),
      }),
    ]);
    expect((await state()).phase).toBe('ISSUED');

    // A good file with the document's number and date: its payload, sent to the action, issues the programme.
    const good = await workbook(
      [
        ['HTS', 'Tỷ lệ xã có hạ tầng số', '%', '60', 'AT_LEAST', '90', '', '2026=70; 2027=80', 'HG-SKHDT'],
        ['TT', 'Tăng trưởng kinh tế số', '%/năm', '', 'RANGE', '7', '7,5', '', 'hg-skhdt'],
      ],
      [
        ['CDS1', 'Xây dựng kế hoạch chuyển đổi số cấp tỉnh', 'HG-SKHDT', 'gd.skhdt.hg', 'HG-VITHANH', '31/12/2030'],
        ['', 'Chuyển đổi số cấp thành phố', 'HG-VITHANH', '', '', '2030-06-30'],
      ],
    );
    const issuedOn = new Date().toISOString().slice(0, 10);
    const read = await upload('chuyenvien.hg', good, 'ban-hanh.xlsx', {
      documentNumber: `${u}-CTr/TU`,
      issuedOn,
    });
    expect(read.status).toBe(200);
    expect(read.body.problems).toEqual([]);
    const payload = read.body.payload;
    expect(payload).toEqual({
      documentNumber: `${u}-CTr/TU`,
      issuedOn,
      targets: [
        {
          code: 'HTS',
          name: 'Tỷ lệ xã có hạ tầng số',
          unit: '%',
          baseline: '60',
          goal: { comparator: 'AT_LEAST', goal: '90' },
          responsibleUnitId: 'hg-skhdt',
          annualEstimates: { '2026': '70', '2027': '80' },
        },
        {
          code: 'TT',
          name: 'Tăng trưởng kinh tế số',
          unit: '%/năm',
          goal: { comparator: 'RANGE', goal: '7', goalHigh: '7.5' },
          responsibleUnitId: 'hg-skhdt',
        },
      ],
      tasks: [
        {
          code: 'CDS1',
          title: 'Xây dựng kế hoạch chuyển đổi số cấp tỉnh',
          responsibleUnitId: 'hg-skhdt',
          responsiblePersonId: 'hg-skhdt-gd',
          coordinatingUnitIds: ['hg-vithanh'],
          dueAt: '2030-12-31T23:59:59+07:00',
        },
        {
          code: 'NV3',
          title: 'Chuyển đổi số cấp thành phố',
          responsibleUnitId: 'hg-vithanh',
          responsiblePersonId: 'hg-vithanh-bt',
          dueAt: '2030-06-30T23:59:59+07:00',
        },
      ],
      solutions: [],
      resources: [],
    });
    const issued = await act('chuyenvien.hg', id, 'issue', { ...payload, solutions: ['Đầu tư hạ tầng số'] });
    expect(issued.phase).toBe('DISSEMINATION');
    const issuance = (await state()).issuance;
    expect(issuance.targets.map((t: { code: string }) => t.code)).toEqual(['HTS', 'TT']);
    expect(
      issuance.tasks.map((t: { code: string; responsiblePersonId: string }) => [t.code, t.responsiblePersonId]),
    ).toEqual([
      ['CDS1', 'hg-skhdt-gd'],
      ['NV3', 'hg-vithanh-bt'],
    ]);

    // The review report form of the department: its targets and goals, then its own report prefilled.
    await act('bithu.hg', id, 'recordDissemination', { heldOn: issuedOn, audienceIds: ['hg-skhdt-gd'] });
    const form = async (username: string, seq: number) =>
      stack
        .http()
        .get(`/programmes/${id}/reviews/${seq}/form`)
        .set(await auth(username));
    const before = await form('gd.skhdt.hg', 1);
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({
      programmeId: id,
      reviewSeq: 1,
      unitId: 'hg-skhdt',
      expected: true,
      submitted: null,
    });
    expect(before.body.targets).toEqual([
      expect.objectContaining({
        code: 'HTS',
        goal: { comparator: 'AT_LEAST', goal: '90' },
        responsible: true,
        value: null,
      }),
      expect.objectContaining({ code: 'TT', goal: { comparator: 'RANGE', goal: '7', goalHigh: '7.5' }, value: null }),
    ]);
    const opensAt = Date.parse(before.body.opensAt);
    await eventually(async () => Date.now() >= opensAt, 'the first review to open');
    await act('gd.skhdt.hg', id, 'submitReviewReport', {
      reviewSeq: 1,
      text: 'Hạ tầng số đạt 72% số xã; kinh tế số tăng 7,2%',
      values: { HTS: '72', TT: '7.2' },
    });
    const after = await form('gd.skhdt.hg', 1);
    expect(after.body.submitted).toMatchObject({ text: 'Hạ tầng số đạt 72% số xã; kinh tế số tăng 7,2%' });
    expect(after.body.targets.map((t: { value: string | null }) => t.value)).toEqual(['72', '7.2']);
    // The next review starts from these values; Vị Thanh is asked too, and has reported nothing yet.
    const next = await form('bithu.vithanh', 2);
    expect(next.body).toMatchObject({ unitId: 'hg-vithanh', expected: true, submitted: null });
    expect(next.body.targets.map((t: { previous: { value: string } | null }) => t.previous?.value)).toEqual([
      '72',
      '7.2',
    ]);
    // Values reach the read model per target and review.
    await eventually(async () => {
      const rows = await stack.dataSource.query(
        `SELECT target_code, value FROM target_value WHERE programme_id = $1 AND review_seq = 1 ORDER BY target_code`,
        [id],
      );
      return rows.length === 2 && rows[0].value === '72' && rows[1].value === '7.2';
    }, 'the reported values in target_value');
    expect((await form('gd.skhdt.hg', 99)).status).toBe(404);
    expect((await form('gd.skhdt.hg', 0)).status).toBe(400);
  });

  it('refuses callers who do not prepare the issuance, files that are not spreadsheets, oversized files and bad fields', async () => {
    const csv = Buffer.from('\uFEFFMã nhiệm vụ,Tên nhiệm vụ,Mã đơn vị chủ trì,Hạn hoàn thành\r\n', 'utf8');
    expect((await upload('vanthu.hg', csv, 'a.csv')).status).toBe(403);
    expect((await upload('ubkt.hg', csv, 'a.csv')).status).toBe(403);
    expect((await upload('bithu.lc', csv, 'a.csv')).status).toBe(404);
    expect((await template('vanthu.hg', '')).status).toBe(403);
    expect((await template('chuyenvien.hg', '?format=pdf')).status).toBe(400);

    const pdf = await upload('chuyenvien.hg', Buffer.from('%PDF-1.7\n\u0000\u0001binary'), 'bang-tinh.xlsx');
    expect(pdf.status).toBe(400);
    expect(pdf.body.message).toMatch(/^file: /);
    const zip = await upload('chuyenvien.hg', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'x.xlsx');
    expect(zip.status).toBe(400);
    const huge = await upload('chuyenvien.hg', Buffer.alloc(5 * 1024 * 1024 + 1, 0x41), 'lon.csv');
    expect(huge.status).toBe(413);
    const badDate = await upload('chuyenvien.hg', csv, 'a.csv', { issuedOn: '31/02/2026' });
    expect(badDate.status).toBe(400);
    expect(badDate.body.message).toMatch(/issuedOn/);
    const noFile = await stack
      .http()
      .post(`/programmes/${id}/issuance/import`)
      .set(await auth('chuyenvien.hg'))
      .field('documentNumber', '1-CTr/TU');
    expect(noFile.status).toBe(400);
    expect(noFile.body.message).toMatch(/field "file"/);
  });
});
