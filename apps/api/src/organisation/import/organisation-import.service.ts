import { createHash } from 'node:crypto';
import { BadRequestException, HttpException, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { MAX_IMPORT_ROWS } from '@app/domain';
import { AccessService } from '../../access';
import type { Principal } from '../../auth/principal';
import { RowProblem, RowWriter, RowOutcome } from './import-row-writer';
import { ImportProblem, ImportRow, readSheet } from './import-rows';
import { ImportKind, IMPORT_KINDS, IMPORT_SHEETS, kindOfHeaders, kindOfSheetName } from './import-sheets';
import { GUIDE_SHEET, LISTS_SHEET } from '../../common/spreadsheet/template-workbook';
import {
  detectFormat,
  FileRefusal,
  ImportFormat,
  readCsv,
  readXlsx,
} from '../../common/spreadsheet/spreadsheet-reader';

export type Counts = Record<'created' | 'updated' | 'unchanged', number>;

export interface ImportReport {
  /** SHA-256 of the file, hex: the audit names the file by it. */
  checksum: string;
  format: ImportFormat;
  /** True when the file has no problem: applying it would write exactly `rows`. */
  ok: boolean;
  problems: ImportProblem[];
  rows: RowOutcome[];
  counts: Record<ImportKind, Counts>;
  /** Sheets that are none of the three kinds (nor the guide or lists), left unread. */
  ignoredSheets: string[];
}

export interface ImportApplied {
  checksum: string;
  format: ImportFormat;
  rows: number;
  counts: Record<ImportKind, Counts>;
}

export interface Upload {
  buffer: Buffer;
  originalname?: string;
}

/** How many problems a refusal's `message` lists (the report holds them all). */
const MESSAGE_LINES = 50;

/** Carries a transaction's result out through its rollback. */
class RollBack {
  constructor(readonly report: ImportReport) {}
}

/**
 * Imports units, people and positions from a spreadsheet. The file is read and checked cell by cell;
 * then every row is applied through the organisation's own services inside one transaction, each row
 * in a savepoint so that a refused row is reported and the next ones still checked. A dry run, and
 * an apply with any problem, roll everything back: the dry run reports what applying would do, with
 * the very rules that apply it.
 */
@Injectable()
export class OrganisationImportService {
  constructor(
    private readonly access: AccessService,
    private readonly writer: RowWriter,
    private readonly db: DataSource,
  ) {}

  async dryRun(actor: Principal, upload: Upload): Promise<ImportReport> {
    return this.run(actor, upload, false);
  }

  /** All rows or none: 400 with the report when any row has a problem. */
  async apply(actor: Principal, upload: Upload): Promise<ImportApplied> {
    const report = await this.run(actor, upload, true);
    if (!report.ok) {
      const lines = report.problems.map(problemLine);
      const more = lines.length > MESSAGE_LINES ? [`… ${lines.length - MESSAGE_LINES} more (see report)`] : [];
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: [...lines.slice(0, MESSAGE_LINES), ...more],
        report,
      });
    }
    const rows = report.rows.length;
    return { checksum: report.checksum, format: report.format, rows, counts: report.counts };
  }

  private async run(actor: Principal, upload: Upload, commit: boolean): Promise<ImportReport> {
    await this.access.adminScope(actor);
    const file = await this.read(upload);
    try {
      return await this.db.transaction(async (em) => {
        const report = await this.applyRows(em, actor, file);
        if (!commit || !report.ok) throw new RollBack(report);
        return report;
      });
    } catch (err) {
      if (err instanceof RollBack) return err.report;
      throw err;
    }
  }

  /** The file's rows and the problems of its cells; 400 for a file that is not one we read. */
  private async read(upload: Upload) {
    const buffer = upload.buffer;
    if (!Buffer.isBuffer(buffer)) throw new BadRequestException('send the file as multipart/form-data, field "file"');
    const checksum = createHash('sha256').update(buffer).digest('hex');
    try {
      const format = detectFormat(buffer);
      const grids =
        format === 'xlsx'
          ? await readXlsx(buffer)
          : [readCsv(buffer, upload.originalname?.replace(/[^\p{L}\p{N}._ -]/gu, '') || 'CSV')];
      const rows: ImportRow[] = [];
      const problems: ImportProblem[] = [];
      const ignoredSheets: string[] = [];
      const kinds = new Set<ImportKind>();
      let dataRows = 0;
      for (const grid of grids) {
        const kind =
          format === 'xlsx'
            ? kindOfSheetName(grid.name)
            : kindOfHeaders(grid.rows.find((r) => r.row === 1)?.cells ?? []);
        if (!kind) {
          if (format === 'csv')
            throw new FileRefusal(
              `the CSV's headers are not those of any template (${IMPORT_KINDS.map((k) => `template-${k}.csv`).join(', ')})`,
            );
          if (grid.name !== GUIDE_SHEET && grid.name !== LISTS_SHEET) ignoredSheets.push(grid.name);
          continue;
        }
        if (kinds.has(kind)) throw new FileRefusal(`two sheets hold ${kind} (${IMPORT_SHEETS[kind].sheetVi})`);
        kinds.add(kind);
        dataRows += grid.rows.filter((r) => r.row > 1 && r.cells.some((c) => c !== '')).length;
        if (dataRows > MAX_IMPORT_ROWS) throw new FileRefusal(`more than ${MAX_IMPORT_ROWS} rows: split the file`);
        const read = readSheet(kind, grid);
        rows.push(...read.rows);
        problems.push(...read.problems);
      }
      if (kinds.size === 0)
        throw new FileRefusal(
          `no sheet named ${IMPORT_KINDS.map((k) => `"${IMPORT_SHEETS[k].sheetVi}" (${k})`).join(', ')}: start from the template`,
        );
      return { format, checksum, rows, problems, ignoredSheets };
    } catch (err) {
      if (err instanceof FileRefusal) throw new BadRequestException(err.message);
      throw err;
    }
  }

  private async applyRows(
    em: EntityManager,
    actor: Principal,
    file: Awaited<ReturnType<OrganisationImportService['read']>>,
  ): Promise<ImportReport> {
    const problems = [...file.problems];
    const outcomes: RowOutcome[] = [];
    const ordered = IMPORT_KINDS.flatMap((k) => file.rows.filter((r) => r.kind === k));
    const later = laterDefinitions(ordered);
    for (const row of ordered) {
      try {
        outcomes.push(await em.transaction((rowEm) => this.writer.write(rowEm, actor, row, later)));
      } catch (err) {
        const problem = problemOf(row, err);
        if (!problem) throw err;
        problems.push(problem);
      }
    }
    // Sheet by sheet (units, people, positions), row by row: the cells' problems among the rules'.
    const order = (x: ImportProblem) => IMPORT_KINDS.indexOf(kindOfSheetName(x.sheet) ?? 'units');
    problems.sort((a, b) => order(a) - order(b) || (a.row ?? 0) - (b.row ?? 0));
    const counts = Object.fromEntries(IMPORT_KINDS.map((k) => [k, { created: 0, updated: 0, unchanged: 0 }])) as Record<
      ImportKind,
      Counts
    >;
    for (const o of outcomes) counts[o.kind][o.outcome] += 1;
    return {
      checksum: file.checksum,
      format: file.format,
      ok: problems.length === 0,
      problems,
      rows: outcomes,
      counts,
      ignoredSheets: file.ignoredSheets,
    };
  }
}

/** Where each code and person is defined in the file, to tell "defined further down" from "unknown". */
export function laterDefinitions(rows: readonly ImportRow[]): Map<string, number> {
  const at = new Map<string, number>();
  for (const r of rows) {
    if (r.kind === 'units' && !at.has(`unit:${r.code}`)) at.set(`unit:${r.code}`, r.row);
    if (r.kind === 'people')
      for (const key of [r.code, r.username]) if (key && !at.has(`person:${key}`)) at.set(`person:${key}`, r.row);
  }
  return at;
}

/** A refused row as a problem; null for an error that is no refusal (a bug: it answers 500). */
function problemOf(row: ImportRow, err: unknown): ImportProblem | null {
  if (err instanceof RowProblem) return { sheet: row.sheet, row: row.row, column: err.column, message: err.message };
  if (!(err instanceof HttpException) || err.getStatus() >= 500) return null;
  const body = err.getResponse();
  const message =
    typeof body === 'object' && body !== null && 'message' in body ? (body as { message: unknown }).message : body;
  return {
    sheet: row.sheet,
    row: row.row,
    column: null,
    message: Array.isArray(message) ? message.join('; ') : String(message),
  };
}

function problemLine(p: ImportProblem): string {
  const where = [p.sheet, p.row === null ? null : `row ${p.row}`, p.column].filter((x) => x !== null).join(', ');
  return `${where}: ${p.message}`;
}
