import ExcelJS from 'exceljs';
import { readSheet } from './import-rows';
import { IMPORT_KINDS, IMPORT_SHEETS, kindOfHeaders, kindOfSheetName } from './import-sheets';
import { GUIDE_SHEET, LISTS_SHEET } from '../../common/spreadsheet/template-workbook';
import { csvTemplate, xlsxTemplate } from './import-template';
import { detectFormat, FileRefusal, parseCsv, readCsv, readXlsx } from '../../common/spreadsheet/spreadsheet-reader';

async function workbook(fill: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  fill(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('spreadsheet reader: the format from the content', () => {
  it('tells an XLSX by its ZIP parts, whatever the name, and CSV by UTF-8 text', async () => {
    const xlsx = await workbook((wb) => wb.addWorksheet('Đơn vị'));
    expect(detectFormat(xlsx)).toBe('xlsx');
    expect(detectFormat(Buffer.from('\uFEFFMã đơn vị,Tên đơn vị\r\n', 'utf8'))).toBe('csv');
  });

  it('refuses an empty file, an old .xls, a damaged ZIP and a ZIP that is no workbook', () => {
    expect(() => detectFormat(Buffer.alloc(0))).toThrow(FileRefusal);
    expect(() => detectFormat(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toThrow(/\.xls/);
    expect(() => detectFormat(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toThrow(/damaged/);
    // An empty ZIP: only its end record.
    const emptyZip = Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04]),
      Buffer.from([0x50, 0x4b, 0x05, 0x06]),
      Buffer.alloc(18),
    ]);
    expect(() => detectFormat(emptyZip)).toThrow(
      /not an XLSX workbook \(it has no \[Content_Types\]\.xml, xl\/workbook\.xml\)/,
    );
  });

  it('refuses text that is not UTF-8 (a CSV saved in a legacy code page)', () => {
    const windows1258 = Buffer.from([0x4d, 0xe3, 0x20, 0xf0, 0x6f, 0x6e, 0x0d, 0x0a]);
    expect(() => readCsv(windows1258, 'x.csv')).toThrow(/CSV UTF-8/);
  });
});

describe('spreadsheet reader: CSV', () => {
  it('reads quoted fields with separators, quotes and line breaks, CRLF or LF, and a semicolon separator', () => {
    expect(parseCsv('a,"b, c","say ""hi""","two\nlines"\r\nx,y\n')).toEqual([
      ['a', 'b, c', 'say "hi"', 'two\nlines'],
      ['x', 'y'],
    ]);
    expect(parseCsv('Mã đơn vị;Tên đơn vị\nHG;Tỉnh ủy, Hậu Giang')).toEqual([
      ['Mã đơn vị', 'Tên đơn vị'],
      ['HG', 'Tỉnh ủy, Hậu Giang'],
    ]);
    expect(() => parseCsv('a,"open\n')).toThrow(/never closed/);
  });

  it('strips the BOM and puts Vietnamese text in NFC', () => {
    const nfd = 'Tỉnh ủy Hậu Giang'.normalize('NFD');
    const sheet = readCsv(Buffer.from(`\uFEFFMã đơn vị,Tên đơn vị\r\nHG-TU, ${nfd} \r\n`, 'utf8'), 'u.csv');
    expect(sheet.rows[0].cells).toEqual(['Mã đơn vị', 'Tên đơn vị']);
    expect(sheet.rows[1].cells[1]).toBe('Tỉnh ủy Hậu Giang');
    expect(sheet.rows[1].cells[1]).toBe('Tỉnh ủy Hậu Giang'.normalize('NFC'));
  });
});

describe('spreadsheet reader: XLSX', () => {
  it('reads text, numbers, date cells, rich text; refuses formulas and error values; keeps row numbers past empty lines', async () => {
    const buf = await workbook((wb) => {
      const ws = wb.addWorksheet('Chức vụ');
      ws.addRow(['Mã cán bộ', 'Mã đơn vị', 'Chức vụ', 'Từ ngày', 'Đến ngày']);
      ws.addRow([
        'hg-bithu',
        'HG-TU',
        { richText: [{ text: 'Bí thư ' }, { text: 'Tỉnh ủy' }] },
        new Date(Date.UTC(2020, 9, 15)),
        '30/06/2025',
      ]);
      ws.addRow([]);
      ws.addRow(['hg-pbt', 'HG-TU', { formula: 'CONCAT("Phó ","Bí thư")', result: 'Phó Bí thư' }, '2020-10-15', null]);
      ws.addRow(['hg-x', 'HG-TU', { error: '#REF!' }, 2020, null]);
    });
    const [sheet] = await readXlsx(buf);
    expect(sheet.name).toBe('Chức vụ');
    expect(sheet.rows.map((r) => r.row)).toEqual([1, 2, 4, 5]);
    expect(sheet.rows[1].cells).toEqual(['hg-bithu', 'HG-TU', 'Bí thư Tỉnh ủy', '2020-10-15', '30/06/2025']);
    expect(sheet.rows[2].problems).toEqual([{ col: 2, message: expect.stringMatching(/formula/) }]);
    expect(sheet.rows[3].problems).toEqual([{ col: 2, message: 'holds the error value #REF!' }]);

    const read = readSheet('positions', sheet);
    expect(read.rows).toEqual([
      expect.objectContaining({ row: 2, title: 'Bí thư Tỉnh ủy', startsOn: '2020-10-15', endsOn: '2025-06-30' }),
    ]);
    expect(read.problems.map((p) => [p.row, p.column])).toEqual([
      [4, 'Chức vụ'],
      [4, 'Chức vụ'],
      [5, 'Chức vụ'],
      [5, 'Chức vụ'],
      [5, 'Từ ngày'],
    ]);
  });

  it('refuses bytes that look like a workbook but are not one', async () => {
    const buf = await workbook((wb) => wb.addWorksheet('Đơn vị'));
    const broken = Buffer.from(buf);
    broken.fill(0x41, 40, 400);
    await expect(readXlsx(broken)).rejects.toThrow(FileRefusal);
  });
});

describe('import templates parse back', () => {
  it('the XLSX template: a guide, a list sheet and one sheet per kind whose sample row is read without a problem', async () => {
    const grids = await readXlsx(await xlsxTemplate());
    expect(grids.map((g) => g.name)).toEqual([GUIDE_SHEET, 'Đơn vị', 'Cán bộ', 'Chức vụ', LISTS_SHEET]);
    for (const kind of IMPORT_KINDS) {
      const grid = grids.find((g) => kindOfSheetName(g.name) === kind);
      const read = readSheet(kind, grid!);
      expect(read.problems).toEqual([]);
      expect(read.rows).toHaveLength(1);
    }
    const lists = grids.find((g) => g.name === LISTS_SHEET)!;
    expect(lists.rows.map((r) => r.cells[0])).toContain('COMMUNE_COMMITTEE');
  });

  it('the XLSX template carries the English key in each header note and drop-down lists for kinds and seats', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await xlsxTemplate()) as unknown as ArrayBuffer);
    const units = wb.getWorksheet('Đơn vị')!;
    expect(String(units.getCell('A1').note)).toMatch(/^code \(bắt buộc \/ required\)/);
    expect(units.getCell('C2').dataValidation).toMatchObject({
      type: 'list',
      formulae: [expect.stringContaining(LISTS_SHEET)],
    });
    expect(wb.getWorksheet('Chức vụ')!.getCell('D5').dataValidation).toMatchObject({ type: 'list' });
  });

  it.each(IMPORT_KINDS)('the %s CSV template: UTF-8 with BOM, known by its headers, its sample row clean', (kind) => {
    const csv = csvTemplate(kind);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const sheet = readCsv(Buffer.from(csv, 'utf8'), `template-${kind}.csv`);
    expect(kindOfHeaders(sheet.rows[0].cells)).toBe(kind);
    expect(sheet.rows[0].cells[0]).toBe(`${IMPORT_SHEETS[kind].columns[0].vi} (${IMPORT_SHEETS[kind].columns[0].key})`);
    const read = readSheet(kind, sheet);
    expect(read.problems).toEqual([]);
    expect(read.rows).toHaveLength(1);
  });
});
