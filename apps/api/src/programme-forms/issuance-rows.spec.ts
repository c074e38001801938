import 'reflect-metadata';
import ExcelJS from 'exceljs';
import { readCsv, readXlsx } from '../common/spreadsheet/spreadsheet-reader';
import { locateShapeError, proposeIssuePayload } from './issuance-payload';
import { IssuanceDirectory, IssuanceRowReader, parseEstimates } from './issuance-rows';
import { kindOfIssuanceHeaders, kindOfIssuanceSheet } from './issuance-sheets';
import { issuanceCsvTemplate, issuanceXlsxTemplate, TemplateContext } from './issuance-template';

const CTX: TemplateContext = {
  programmeTitle: 'Chương trình hành động thử',
  units: [
    { code: 'HG-TU', name: 'Tỉnh ủy Hậu Giang' },
    { code: 'HG-SKHDT', name: 'Sở Kế hoạch và Đầu tư' },
  ],
  fieldGroups: [{ code: 'economy', name: 'Kinh tế' }],
  sampleUnitCode: 'HG-TU',
  sampleDueOn: '31/12/2030',
};

const DIRECTORY: IssuanceDirectory = {
  unit: (key) =>
    ({ 'hg-tu': { id: 'hg-tu', name: 'Tỉnh ủy' }, 'hg-skhdt': { id: 'hg-skhdt', name: 'Sở KH&ĐT' } })[
      key.toLowerCase()
    ],
  person: (key) =>
    ({ 'gd.skhdt.hg': { id: 'hg-skhdt-gd', inTree: true }, 'bithu.lc': { id: 'lc-bithu', inTree: false } })[key],
  headOf: (unitId) => ({ 'hg-tu': 'hg-bithu' })[unitId],
  fieldGroupProblem: (code) => (code === 'economy' ? null : `unknown field group ${code}`),
};

async function read(buffer: Buffer) {
  const reader = new IssuanceRowReader(DIRECTORY);
  for (const grid of await readXlsx(buffer)) {
    const kind = kindOfIssuanceSheet(grid.name);
    if (kind) reader.sheet(kind, grid);
  }
  return proposeIssuePayload(reader.result(), { documentNumber: '01-CTr/TU', issuedOn: '2026-01-05' });
}

describe('issuance import rows', () => {
  it('reads the template back clean: one target and one task, the head leading the task', async () => {
    const { payload, problems } = await read(await issuanceXlsxTemplate(CTX));
    expect(problems).toEqual([]);
    expect(payload).toEqual({
      documentNumber: '01-CTr/TU',
      issuedOn: '2026-01-05',
      targets: [
        {
          code: 'CT01',
          name: 'Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn',
          unit: '%',
          baseline: '95',
          goal: { comparator: 'AT_LEAST', goal: '100' },
          responsibleUnitId: 'hg-tu',
        },
      ],
      tasks: [
        {
          code: 'NV01',
          title: 'Xây dựng kế hoạch triển khai chương trình tại đơn vị',
          responsibleUnitId: 'hg-tu',
          responsiblePersonId: 'hg-bithu',
          dueAt: '2030-12-31T23:59:59+07:00',
        },
      ],
      solutions: [],
      resources: [],
    });
  });

  it('reads a CSV template of either sheet, told by its headers', () => {
    for (const kind of ['targets', 'tasks'] as const) {
      const grid = readCsv(Buffer.from(issuanceCsvTemplate(kind, CTX), 'utf8'), `${kind}.csv`);
      expect(kindOfIssuanceHeaders(grid.rows[0].cells)).toBe(kind);
    }
  });

  it('lists every problem of every row with its sheet, row and column, and keeps the good rows', async () => {
    const wb = new ExcelJS.Workbook();
    const targets = wb.addWorksheet('Chỉ tiêu');
    targets.addRow([
      'Mã chỉ tiêu',
      'Tên chỉ tiêu',
      'Đơn vị tính',
      'Loại chỉ tiêu',
      'Mục tiêu',
      'Cận trên',
      'Mã đơn vị chủ trì',
    ]);
    targets.addRow(['CT01', 'Tăng trưởng', '%', 'RANGE', '7', '7,5', 'HG-SKHDT']);
    targets.addRow(['CT01', 'Trùng mã', '%', 'AT_LEAST', '1', '', 'HG-TU']);
    targets.addRow(['CT03', 'Không phải số', '%', 'AT_LEAST', 'bảy', '', 'HG-TU']);
    targets.addRow(['CT04', 'Khoảng thiếu cận trên', '%', 'RANGE', '7', '', 'HG-TU']);
    targets.addRow(['CT05', 'Công thức', '%', 'AT_LEAST', { formula: '1+1', result: 2 }, '', 'HG-TU']);
    const tasks = wb.addWorksheet('Nhiệm vụ');
    tasks.addRow(['Tên nhiệm vụ', 'Mã đơn vị chủ trì', 'Người chủ trì (tên đăng nhập)', 'Hạn hoàn thành', 'Lĩnh vực']);
    tasks.addRow(['Đơn vị không có', 'SO-KHONG-CO', '', '31/12/2030', '']);
    tasks.addRow(['Ngày sai', 'HG-SKHDT', 'gd.skhdt.hg', '31/02/2030', '']);
    tasks.addRow(['Người ngoài', 'HG-SKHDT', 'bithu.lc', '2030-12-31', '']);
    tasks.addRow(['Đúng', 'HG-SKHDT', 'gd.skhdt.hg', '2030-12-31', 'economy']);
    const { payload, problems } = await read(Buffer.from(await wb.xlsx.writeBuffer()));
    const at = problems.map((p) => [p.sheet, p.row, p.column]);
    expect(at).toEqual([
      ['Chỉ tiêu', 3, 'Mã chỉ tiêu'],
      ['Chỉ tiêu', 4, 'Mục tiêu'],
      ['Chỉ tiêu', 5, 'Cận trên'],
      ['Chỉ tiêu', 6, 'Mục tiêu'],
      ['Nhiệm vụ', 2, 'Mã đơn vị chủ trì'],
      ['Nhiệm vụ', 3, 'Hạn hoàn thành'],
      ['Nhiệm vụ', 4, 'Người chủ trì (tên đăng nhập)'],
    ]);
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/duplicate target code CT01 \(also in row 2\)/),
      expect.stringMatching(/bảy is not a number/),
      expect.stringMatching(/range goal needs goalHigh/),
      expect.stringMatching(/formula/),
      expect.stringMatching(/unknown unit code SO-KHONG-CO/),
      expect.stringMatching(/31\/02\/2030 is not a date/),
      expect.stringMatching(/outside the issuing committee/),
    ]);
    expect(payload.targets).toEqual([
      expect.objectContaining({ code: 'CT01', goal: { comparator: 'RANGE', goal: '7', goalHigh: '7.5' } }),
    ]);
    expect(payload.tasks).toEqual([
      expect.objectContaining({ code: 'NV5', responsiblePersonId: 'hg-skhdt-gd', fieldGroup: 'economy' }),
    ]);
  });

  it('maps the action DTO’s reasons back to the entry and column', () => {
    expect(locateShapeError('payload.targets.2.goal.goalHigh: goalHigh must be a string')).toEqual({
      kind: 'targets',
      index: 2,
      column: 'Cận trên',
    });
    expect(locateShapeError('payload.tasks.0.dueAt must be longer')).toEqual({
      kind: 'tasks',
      index: 0,
      column: 'Hạn hoàn thành',
    });
    expect(locateShapeError('payload.documentNumber must be a string')).toBeNull();
  });

  it('reads annual estimates as year=number pairs', () => {
    expect(parseEstimates('2026=14800; 2027 = 16000,5')).toEqual({ '2026': '14800', '2027': '16000.5' });
    expect(parseEstimates('2026:14800')).toMatch(/not year=number/);
    expect(parseEstimates('2026=1; 2026=2')).toMatch(/appears twice/);
  });
});
