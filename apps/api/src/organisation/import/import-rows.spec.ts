import { cellProblem, columnOfHeader, parseSheetDate, SheetGrid, splitList } from '../../common/spreadsheet/sheet-grid';
import { readSheet } from './import-rows';
import { IMPORT_SHEETS, kindOfHeaders, kindOfSheetName } from './import-sheets';

const grid = (name: string, lines: string[][]): SheetGrid => ({
  name,
  rows: lines.map((cells, i) => ({ row: i + 1, cells, problems: [] })),
});
const UNIT_HEADERS = [
  'Mã đơn vị',
  'Tên đơn vị',
  'Loại đơn vị',
  'Mã đơn vị cấp trên',
  'Hiệu lực từ ngày',
  'Hiệu lực đến ngày',
];

describe('import rows: dates and lists', () => {
  it('reads ISO and dd/mm/yyyy dates, and refuses days that do not exist', () => {
    expect(parseSheetDate('2025-07-01')).toBe('2025-07-01');
    expect(parseSheetDate('01/07/2025')).toBe('2025-07-01');
    expect(parseSheetDate('1/7/2025')).toBe('2025-07-01');
    expect(parseSheetDate('31/02/2025')).toBeNull();
    expect(parseSheetDate('2025-13-01')).toBeNull();
    expect(parseSheetDate('07/01/25')).toBeNull();
    expect(parseSheetDate('ngày 1 tháng 7')).toBeNull();
  });

  it('splits list cells on semicolons and commas, without blanks or repeats', () => {
    expect(splitList('HEAD; STANDING_COMMITTEE,KEY_CADRE;;HEAD ')).toEqual(['HEAD', 'STANDING_COMMITTEE', 'KEY_CADRE']);
    expect(splitList('')).toEqual([]);
  });

  it('refuses text a spreadsheet would run as a formula, control characters and over-long values', () => {
    const name = IMPORT_SHEETS.units.columns[1];
    expect(cellProblem(name, '=HYPERLINK("http://x")')).toMatch(/formula/);
    expect(cellProblem(name, '@SUM(A1)')).toMatch(/formula/);
    expect(cellProblem(name, 'Tỉnh ủy\u0000')).toMatch(/not text/);
    expect(cellProblem(name, 'x'.repeat(name.maxLength + 1))).toMatch(/longer than/);
    expect(cellProblem(name, 'Tỉnh ủy Hậu Giang')).toBeNull();
  });
});

describe('import rows: headers and sheets', () => {
  it('knows a column by its Vietnamese header, its English key or both, whatever the case and Unicode form', () => {
    const units = IMPORT_SHEETS.units;
    expect(columnOfHeader(units.columns, 'Mã đơn vị cấp trên')?.key).toBe('parentCode');
    expect(columnOfHeader(units.columns, 'parentCode')?.key).toBe('parentCode');
    expect(columnOfHeader(units.columns, ' MÃ ĐƠN VỊ CẤP TRÊN (parentCode) ')?.key).toBe('parentCode');
    // The same header typed with combining marks (NFD), as some keyboards and macOS files write it.
    expect(columnOfHeader(units.columns, 'Mã đơn vị cấp trên'.normalize('NFD'))?.key).toBe('parentCode');
    expect(columnOfHeader(units.columns, 'Cấp trên')).toBeUndefined();
  });

  it('tells the kind of a sheet by its name and of a CSV by its headers', () => {
    expect(kindOfSheetName('Chức vụ')).toBe('positions');
    expect(kindOfSheetName('people')).toBe('people');
    expect(kindOfSheetName('Ghi chú')).toBeUndefined();
    expect(kindOfHeaders(UNIT_HEADERS)).toBe('units');
    expect(kindOfHeaders(['Mã cán bộ', 'Họ và tên', 'Mã đơn vị'])).toBe('people');
    expect(kindOfHeaders(['Mã cán bộ', 'Mã đơn vị', 'Chức vụ', 'Từ ngày'])).toBe('positions');
    expect(kindOfHeaders(['Tên', 'Tuổi'])).toBeUndefined();
  });

  it('names a wrong, repeated or missing header and reads no row of that sheet', () => {
    const read = readSheet(
      'units',
      grid('Đơn vị', [
        ['Mã đơn vị', 'Tên', 'Loại đơn vị', 'Mã đơn vị'],
        ['HG-TU', 'Tỉnh ủy Hậu Giang', 'PROVINCIAL_COMMITTEE', 'HG-TU'],
      ]),
    );
    expect(read.rows).toEqual([]);
    expect(read.problems.map((p) => [p.row, p.column, p.message])).toEqual([
      [1, 'Tên', expect.stringMatching(/^unknown column "Tên"/)],
      [1, 'Mã đơn vị', 'column "Mã đơn vị" appears twice'],
      [1, 'Tên đơn vị', 'the column "Tên đơn vị" is missing'],
    ]);
  });
});

describe('import rows: reading a sheet', () => {
  it('types every good row (Vietnamese text in NFC, both date forms), skips empty lines and names each bad cell', () => {
    const read = readSheet(
      'units',
      grid('Đơn vị', [
        UNIT_HEADERS,
        ['HG-TU', 'Tỉnh ủy Hậu Giang', 'PROVINCIAL_COMMITTEE', '', '01/01/2004', ''],
        ['', '', '', '', '', ''],
        ['HG-VP', 'Văn phòng Tỉnh ủy', 'ADVISORY_BOARD', 'HG-TU', '2004-01-01', '30/06/2025'],
        ['HG X', '', 'TINH_UY', 'HG-TU', '32/01/2004', ''],
        ['HG-BTV', '=1+1', 'STANDING_COMMITTEE', 'HG-TU', '', ''],
        ['HG-UB', 'Ủy ban', 'NO_SUCH_KIND', 'HG-TU', '', ''],
      ]),
    );
    expect(read.rows).toEqual([
      {
        kind: 'units',
        sheet: 'Đơn vị',
        row: 2,
        code: 'HG-TU',
        name: 'Tỉnh ủy Hậu Giang',
        unitKind: 'PROVINCIAL_COMMITTEE',
        parentCode: null,
        validFrom: '2004-01-01',
        validTo: null,
      },
      {
        kind: 'units',
        sheet: 'Đơn vị',
        row: 4,
        code: 'HG-VP',
        name: 'Văn phòng Tỉnh ủy',
        unitKind: 'ADVISORY_BOARD',
        parentCode: 'HG-TU',
        validFrom: '2004-01-01',
        validTo: '2025-06-30',
      },
    ]);
    expect(read.problems.map((p) => [p.row, p.column])).toEqual([
      [5, 'Mã đơn vị'],
      [5, 'Tên đơn vị'],
      [5, 'Hiệu lực từ ngày'],
      [6, 'Tên đơn vị'],
      [7, 'Loại đơn vị'],
    ]);
    expect(read.problems[2].message).toBe('Hiệu lực từ ngày 32/01/2004 is not a date (dd/mm/yyyy or yyyy-mm-dd)');
    expect(read.problems[4].message).toBe('unknown unit kind NO_SUCH_KIND');
  });

  it('reads positions with their lists and refuses unknown roles and seats, and a person without code or username', () => {
    const positions = readSheet(
      'positions',
      grid('Chức vụ', [
        ['Mã cán bộ', 'Mã đơn vị', 'Chức vụ', 'Vị trí một người giữ', 'Vai trò', 'Lĩnh vực phụ trách', 'Từ ngày'],
        ['hg-bithu', 'HG-TU', 'Bí thư Tỉnh ủy', 'HEAD', 'HEAD; KEY_CADRE', 'Xây dựng Đảng', '15/10/2020'],
        ['hg-pbt', 'HG-TU', 'Phó Bí thư', 'DEPUTY', 'BOSS', '', '15/10/2020'],
      ]),
    );
    expect(positions.rows).toEqual([
      expect.objectContaining({
        person: 'hg-bithu',
        seat: 'HEAD',
        roles: ['HEAD', 'KEY_CADRE'],
        fields: ['Xây dựng Đảng'],
        startsOn: '2020-10-15',
        endsOn: null,
      }),
    ]);
    expect(positions.problems.map((p) => p.message)).toEqual([
      'unknown seat DEPUTY (one of HEAD, STANDING_DEPUTY, CHAIR)',
      'unknown role BOSS',
    ]);
    const people = readSheet(
      'people',
      grid('Cán bộ', [
        ['Mã cán bộ', 'Tên đăng nhập', 'Họ và tên', 'Mã đơn vị'],
        ['', '', 'Lê Văn Không Mã', 'HG-TU'],
      ]),
    );
    expect(people.problems).toEqual([
      { sheet: 'Cán bộ', row: 2, column: 'Mã cán bộ', message: expect.stringMatching(/needs a code/) },
    ]);
  });

  it('reports a cell the reader could not take (a formula) under its column, and a value without a header', () => {
    const g = grid('Đơn vị', [UNIT_HEADERS, ['HG-TU', '', 'PROVINCIAL_COMMITTEE', '', '', '', 'thừa']]);
    g.rows[1].problems.push({ col: 1, message: 'holds a formula; type the value itself (formulas are not imported)' });
    const read = readSheet('units', g);
    expect(read.rows).toEqual([]);
    expect(read.problems.map((p) => [p.column, p.message])).toEqual([
      ['#7', 'a value in a column without a header'],
      ['Tên đơn vị', expect.stringMatching(/formula/)],
      ['Tên đơn vị', 'Tên đơn vị is required'],
    ]);
  });
});
