import ExcelJS from 'exceljs';
import type { CsvColumn } from '../supervision/csv.util';
import { spreadsheetSafe } from '../supervision/csv.util';
import type { AppraisalRow } from './appraisal.service';

/** The columns of the annual cadre appraisal export, the same in CSV and XLSX. */
export const APPRAISAL_COLUMNS: CsvColumn<AppraisalRow>[] = [
  { header: 'subjectKind', value: (r) => r.subjectKind },
  { header: 'subjectId', value: (r) => r.subjectId },
  { header: 'name', value: (r) => r.name },
  { header: 'unitId', value: (r) => r.unitId },
  { header: 'tasksTotal', value: (r) => r.figures.tasksTotal },
  { header: 'tasksOnTime', value: (r) => r.figures.tasksOnTime },
  { header: 'tasksLate', value: (r) => r.figures.tasksLate },
  { header: 'tasksOverdue', value: (r) => r.figures.tasksOverdue },
  { header: 'tasksOpen', value: (r) => r.figures.tasksOpen },
  { header: 'tasksReopened', value: (r) => r.figures.tasksReopened },
  { header: 'targetsAchieved', value: (r) => r.figures.targetsAchieved },
  { header: 'targetsTotal', value: (r) => r.figures.targetsTotal },
  { header: 'rating', value: (r) => r.appraisal?.rating ?? null },
  { header: 'comment', value: (r) => r.appraisal?.comment ?? null },
  { header: 'appraisedBy', value: (r) => r.appraisal?.appraisedBy ?? null },
  { header: 'appraisedAt', value: (r) => r.appraisal?.appraisedAt ?? null },
];

/** One sheet "Đánh giá <year>": a header row, then a row per unit or person (text made spreadsheet-safe). */
export async function appraisalXlsx(year: number, rows: readonly AppraisalRow[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(`Đánh giá ${year}`);
  sheet.addRow(APPRAISAL_COLUMNS.map((c) => c.header));
  for (const r of rows) sheet.addRow(APPRAISAL_COLUMNS.map((c) => spreadsheetSafe(c.value(r)) as ExcelJS.CellValue));
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}
