import ExcelJS from 'exceljs';
import { CsvColumn, toCsv } from '../../supervision/csv.util';
import { csvHeader, SheetColumn } from './sheet-grid';

/**
 * What every import template is made of (the organisation's, a programme's issuance): a guide sheet,
 * one sheet per kind of row (Vietnamese headers, the English key and a hint in each header's note, a
 * sample row), and a list sheet whose columns feed drop-downs on the cells people fill; or one kind as
 * a CSV (UTF-8 with BOM, headers `Tiếng Việt (key)`). The reader skips the guide and list sheets.
 */

export const GUIDE_SHEET = 'Hướng dẫn';
export const LISTS_SHEET = 'Danh mục';
/** Drop-downs cover the rows people fill, up to this row. */
const LAST_VALIDATED_ROW = 1000;

export interface TemplateSheet {
  name: string;
  columns: readonly SheetColumn[];
  /** The sample row by column key (a column left out is empty). */
  sample: Readonly<Record<string, string>>;
}

export interface TemplateList {
  header: string;
  /** Code and Vietnamese label of each value. */
  values: ReadonlyArray<readonly [string, string]>;
}

export interface TemplateDropDown {
  sheet: string;
  key: string;
  /** Index into the template's lists. */
  list: number;
  /** Refuse a value outside the list (else only warn, e.g. when several values share a cell). */
  strict: boolean;
}

export interface TemplateWorkbook {
  /** The guide's lines; the first is its title. */
  guide: readonly string[];
  sheets: readonly TemplateSheet[];
  lists: readonly TemplateList[];
  dropDowns: readonly TemplateDropDown[];
  listWidths: readonly [code: number, label: number];
}

/** Column letter of a 1-based index (a template sheet has fewer than 27 columns). */
const letter = (n: number) => String.fromCharCode(64 + n);

export async function templateXlsx(t: TemplateWorkbook): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Hệ thống theo dõi chương trình hành động';
  const guide = wb.addWorksheet(GUIDE_SHEET);
  guide.getColumn(1).width = 140;
  t.guide.forEach((line, i) => {
    const cell = guide.getCell(i + 1, 1);
    cell.value = line;
    cell.alignment = { wrapText: true };
    if (i === 0) cell.font = { bold: true, size: 13 };
  });

  for (const sheet of t.sheets) {
    const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns.forEach((c, i) => {
      const header = ws.getCell(1, i + 1);
      header.value = c.vi;
      header.font = { bold: true };
      header.note = `${c.key}${c.required ? ' (bắt buộc / required)' : ''}: ${c.hintVi}`;
      ws.getColumn(i + 1).width = Math.max(16, c.vi.length + 4);
      // Text, so that codes such as 01 and dates stay as typed.
      ws.getCell(2, i + 1).value = sheet.sample[c.key] ?? '';
    });
  }

  const lists = wb.addWorksheet(LISTS_SHEET);
  t.lists.forEach((list, i) => {
    const col = 2 * i + 1;
    lists.getCell(1, col).value = list.header;
    lists.getCell(1, col).font = { bold: true };
    lists.getCell(1, col + 1).value = 'Tên gọi';
    list.values.forEach(([value, label], j) => {
      lists.getCell(j + 2, col).value = value;
      lists.getCell(j + 2, col + 1).value = label;
    });
    lists.getColumn(col).width = t.listWidths[0];
    lists.getColumn(col + 1).width = t.listWidths[1];
  });

  for (const d of t.dropDowns) {
    const sheet = t.sheets.find((s) => s.name === d.sheet);
    const index = sheet?.columns.findIndex((c) => c.key === d.key) ?? -1;
    if (!sheet || index < 0) throw new Error(`template drop-down on a missing column ${d.sheet}.${d.key}`);
    const ws = wb.getWorksheet(sheet.name) as ExcelJS.Worksheet;
    const col = letter(index + 1);
    const listCol = letter(2 * d.list + 1);
    const range = `'${LISTS_SHEET}'!$${listCol}$2:$${listCol}$${Math.max(2, t.lists[d.list].values.length + 1)}`;
    for (let row = 2; row <= LAST_VALIDATED_ROW; row++)
      ws.getCell(`${col}${row}`).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [range],
        showErrorMessage: true,
        errorStyle: d.strict ? 'stop' : 'warning',
        errorTitle: 'Giá trị không có trong danh mục',
        error: `Chọn một giá trị trong sheet ${LISTS_SHEET}`,
      };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** One sheet as a CSV: its headers and the sample row, UTF-8 with BOM. */
export function templateCsv(sheet: Pick<TemplateSheet, 'columns' | 'sample'>): string {
  const columns: Array<CsvColumn<null>> = sheet.columns.map((c) => ({
    header: csvHeader(c),
    value: () => sheet.sample[c.key] ?? '',
  }));
  return toCsv([null], columns);
}
