import ExcelJS from 'exceljs';
import { MAX_IMPORT_COLUMNS, MAX_IMPORT_UNPACKED_BYTES } from '@app/domain';
import { cellText, GridRow, SheetGrid } from './sheet-grid';

/**
 * Bytes of an upload to sheets of cell texts. The format is told by the content, never by the file's
 * name or type: an XLSX is a ZIP holding `[Content_Types].xml` and `xl/workbook.xml`; anything else
 * must be UTF-8 text (a CSV). Whatever cannot be read is a `FileRefusal` naming why.
 */

export type ImportFormat = 'xlsx' | 'csv';

export class FileRefusal extends Error {}

const ZIP_LOCAL = 0x04034b50;
const ZIP_END = 0x06054b50;
const ZIP_CENTRAL = 0x02014b50;
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const XLSX_PARTS = ['[Content_Types].xml', 'xl/workbook.xml'];

interface ZipEntry {
  name: string;
  unpackedBytes: number;
}

/** The entries a ZIP's central directory lists (names and unpacked sizes), read without unpacking anything. */
export function zipEntries(buf: Buffer): ZipEntry[] {
  // The end record sits in the last 22 bytes plus a comment of at most 65,535.
  const from = Math.max(0, buf.length - 22 - 0xffff);
  let end = -1;
  for (let i = buf.length - 22; i >= from; i--)
    if (buf.readUInt32LE(i) === ZIP_END) {
      end = i;
      break;
    }
  if (end < 0) throw new FileRefusal('the file starts like a ZIP (XLSX) but has no ZIP directory: it is damaged');
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== ZIP_CENTRAL)
      throw new FileRefusal('the ZIP (XLSX) directory is damaged');
    const nameLength = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30);
    const comment = buf.readUInt16LE(at + 32);
    entries.push({
      name: buf.toString('utf8', at + 46, at + 46 + nameLength),
      unpackedBytes: buf.readUInt32LE(at + 24),
    });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

/** Which format the bytes are, or a refusal saying why they are neither. */
export function detectFormat(buf: Buffer): ImportFormat {
  if (buf.length === 0) throw new FileRefusal('the file is empty');
  if (buf.length >= 4 && buf.readUInt32LE(0) === ZIP_LOCAL) {
    const entries = zipEntries(buf);
    const names = new Set(entries.map((e) => e.name));
    const missing = XLSX_PARTS.filter((p) => !names.has(p));
    if (missing.length) throw new FileRefusal(`a ZIP file but not an XLSX workbook (it has no ${missing.join(', ')})`);
    const unpacked = entries.reduce((sum, e) => sum + e.unpackedBytes, 0);
    if (unpacked > MAX_IMPORT_UNPACKED_BYTES)
      throw new FileRefusal(`the workbook unpacks to more than ${MAX_IMPORT_UNPACKED_BYTES} bytes`);
    return 'xlsx';
  }
  if (buf.subarray(0, OLE2.length).equals(OLE2))
    throw new FileRefusal('an Excel 97–2003 (.xls) file is not read: save it as .xlsx or CSV UTF-8');
  return 'csv';
}

// XLSX

type Cell = ExcelJS.CellValue;

/** A cell's text, or the reason it has none we may take (a formula, an error value). */
function xlsxCell(value: Cell): { text: string } | { problem: string } {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'number') return { text: String(value) };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' };
  // A date typed into a date cell: the workbook stores the day at midnight, which exceljs reads as UTC.
  if (value instanceof Date)
    return Number.isNaN(value.getTime())
      ? { problem: 'is not a valid date' }
      : { text: value.toISOString().slice(0, 10) };
  if ('formula' in value || 'sharedFormula' in value)
    return { problem: 'holds a formula; type the value itself (formulas are not imported)' };
  if ('error' in value) return { problem: `holds the error value ${String(value.error)}` };
  if ('richText' in value) return { text: value.richText.map((r) => r.text).join('') };
  if ('text' in value) return { text: typeof value.text === 'string' ? value.text : '' };
  return { problem: 'holds something that is not a value' };
}

/** Every worksheet of an XLSX, with its rows' cell texts. */
export async function readXlsx(buf: Buffer): Promise<SheetGrid[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (err) {
    throw new FileRefusal(`the XLSX workbook cannot be read (${(err as Error).message})`);
  }
  return workbook.worksheets.map((ws) => {
    const rows: GridRow[] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const width = Math.min(row.cellCount, MAX_IMPORT_COLUMNS + 1);
      const line: GridRow = { row: rowNumber, cells: [], problems: [] };
      for (let col = 1; col <= width; col++) {
        const read = xlsxCell(row.getCell(col).value);
        if ('problem' in read) {
          line.cells.push('');
          line.problems.push({ col: col - 1, message: read.problem });
        } else line.cells.push(cellText(read.text));
      }
      rows.push(line);
    });
    return { name: ws.name, rows };
  });
}

// CSV

/** UTF-8 text of a CSV (with or without a byte-order mark), or a refusal for anything else. */
export function csvText(buf: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw new FileRefusal('the file is neither XLSX nor UTF-8 text: save the CSV as "CSV UTF-8"');
  }
  if (text.includes('\0')) throw new FileRefusal('the file is neither XLSX nor text (it holds NUL bytes)');
  return text.replace(/^\uFEFF/, '');
}

/**
 * RFC 4180 fields: quoted fields may hold separators, quotes (doubled) and line breaks. The separator
 * is a comma, or a semicolon when the header line has semicolons and no commas (Excel's CSV where the
 * decimal sign is a comma, as in Vietnam).
 */
export function parseCsv(text: string): string[][] {
  const firstLine = text.split(/\r?\n/, 1)[0];
  const sep = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === sep) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (quoted) throw new FileRefusal('a quoted CSV field is never closed (a missing ")');
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** A CSV as one sheet named `name` (rows numbered from 1, the header). */
export function readCsv(buf: Buffer, name: string): SheetGrid {
  const rows = parseCsv(csvText(buf)).map((cells, i): GridRow => ({
    row: i + 1,
    cells: cells.map(cellText),
    problems: [],
  }));
  return { name, rows };
}
