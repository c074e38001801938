import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { fieldGroupProblem, isIsoDate, MAX_DOCUMENT_NUMBER_LENGTH, Role } from '@app/domain';
import { AccessService, FieldGroupAccessService, IssuanceAccessService, IssuanceProgramme } from '../access';
import type { Principal } from '../auth/principal';
import { dataRowCount, parseSheetDate, SheetGrid, SheetProblem } from '../common/spreadsheet/sheet-grid';
import { detectFormat, FileRefusal, readCsv, readXlsx } from '../common/spreadsheet/spreadsheet-reader';
import { IssuanceHeader, proposeIssuePayload, ProposedIssuePayload } from './issuance-payload';
import { IssuanceDirectory, IssuanceRowReader } from './issuance-rows';
import {
  ISSUANCE_SHEET_KINDS,
  ISSUANCE_SHEETS,
  IssuanceSheetKind,
  kindOfIssuanceHeaders,
  kindOfIssuanceSheet,
} from './issuance-sheets';
import { GUIDE_SHEET, LISTS_SHEET } from '../common/spreadsheet/template-workbook';
import { issuanceCsvTemplate, issuanceXlsxTemplate, TemplateContext } from './issuance-template';

export interface IssuanceUpload {
  buffer: Buffer;
  originalname?: string;
}

export interface IssuanceImportResult {
  payload: ProposedIssuePayload;
  problems: SheetProblem[];
}

interface UnitRow {
  id: string;
  code: string | null;
  name: string;
}

/**
 * Issuance from a spreadsheet: the template of a programme (its committee's units and its province's
 * field groups in the lists) and the dry run that reads a filled one into the `issue` payload. Nothing
 * is written: the payload goes through the normal action route afterwards.
 */
@Injectable()
export class IssuanceImportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly issuance: IssuanceAccessService,
    private readonly fieldGroups: FieldGroupAccessService,
  ) {}

  async xlsxTemplate(principal: Principal, programmeId: string): Promise<Buffer> {
    const programme = await this.issuance.programmeToIssue(principal, programmeId);
    return issuanceXlsxTemplate(await this.templateContext(programme));
  }

  async csvTemplate(principal: Principal, programmeId: string, kind: IssuanceSheetKind): Promise<string> {
    const programme = await this.issuance.programmeToIssue(principal, programmeId);
    return issuanceCsvTemplate(kind, await this.templateContext(programme));
  }

  /** The proposed payload and the rows' problems; the caller's rights first, then the request (400). */
  async dryRun(
    principal: Principal,
    programmeId: string,
    upload: IssuanceUpload | undefined,
    fields: Record<keyof IssuanceHeader, unknown>,
  ): Promise<IssuanceImportResult> {
    const programme = await this.issuance.programmeToIssue(principal, programmeId);
    if (!upload) throw new BadRequestException('send the spreadsheet as multipart/form-data in the field "file"');
    const checked = checkHeader(fields);
    const grids = await this.sheets(upload);
    const reader = new IssuanceRowReader(await this.directory(programme.issuingUnitId));
    for (const { kind, grid } of grids) reader.sheet(kind, grid);
    return proposeIssuePayload(reader.result(), checked);
  }

  /** The sheets of the upload with their kinds; 400 for a file that is none of ours. */
  private async sheets(upload: IssuanceUpload): Promise<Array<{ kind: IssuanceSheetKind; grid: SheetGrid }>> {
    if (!Buffer.isBuffer(upload.buffer))
      throw new BadRequestException('send the file as multipart/form-data, field "file"');
    try {
      const format = detectFormat(upload.buffer);
      const grids =
        format === 'xlsx'
          ? await readXlsx(upload.buffer)
          : [readCsv(upload.buffer, upload.originalname?.replace(/[^\p{L}\p{N}._ -]/gu, '') || 'CSV')];
      const out: Array<{ kind: IssuanceSheetKind; grid: SheetGrid }> = [];
      for (const grid of grids) {
        const kind =
          format === 'xlsx'
            ? kindOfIssuanceSheet(grid.name)
            : kindOfIssuanceHeaders(grid.rows.find((r) => r.row === 1)?.cells ?? []);
        if (!kind) {
          if (format === 'csv')
            throw new FileRefusal(
              `the CSV's headers are those of neither template (${ISSUANCE_SHEET_KINDS.map((k) => ISSUANCE_SHEETS[k].sheetVi).join(', ')})`,
            );
          if (grid.name !== GUIDE_SHEET && grid.name !== LISTS_SHEET && dataRowCount(grid) > 0)
            throw new FileRefusal(
              `the sheet "${grid.name}" is neither "${ISSUANCE_SHEETS.targets.sheetVi}" nor "${ISSUANCE_SHEETS.tasks.sheetVi}": start from the template`,
            );
          continue;
        }
        if (out.some((s) => s.kind === kind))
          throw new FileRefusal(`two sheets hold ${kind} (${ISSUANCE_SHEETS[kind].sheetVi})`);
        out.push({ kind, grid });
      }
      if (out.length === 0)
        throw new FileRefusal(
          `no sheet named "${ISSUANCE_SHEETS.targets.sheetVi}" (targets) or "${ISSUANCE_SHEETS.tasks.sheetVi}" (tasks): start from the template`,
        );
      return out;
    } catch (err) {
      if (err instanceof FileRefusal) throw new BadRequestException(`file: ${err.message}`);
      throw err;
    }
  }

  /** The issuing committee's tree in force, its people and heads, and the province's field groups. */
  private async directory(issuingUnitId: string): Promise<IssuanceDirectory> {
    const units = await this.access.unitScopes();
    const tree = units.committeeTreeOf(issuingUnitId);
    const rows: UnitRow[] = await this.db.query(
      `SELECT id, code, name FROM org_unit WHERE id = ANY($1::text[]) AND status = 'ACTIVE'`,
      [tree],
    );
    const byKey = new Map<string, UnitRow>();
    for (const u of rows) {
      byKey.set(`id:${u.id}`, u);
      if (u.code) byKey.set(`code:${u.code.toLowerCase()}`, u);
    }
    const people: Array<{ id: string; username: string | null; unitId: string; roles: string[] }> = await this.db.query(
      `SELECT id, username, unit_id AS "unitId", roles FROM person WHERE active`,
    );
    const inTree = new Set(tree);
    const person = new Map<string, { id: string; inTree: boolean }>();
    const heads = new Map<string, string>();
    for (const p of [...people].sort((a, b) => a.id.localeCompare(b.id))) {
      const entry = { id: p.id, inTree: inTree.has(p.unitId) };
      person.set(p.id, entry);
      if (p.username) person.set(p.username.toLowerCase(), entry);
      if (p.roles.includes(Role.HEAD) && !heads.has(p.unitId)) heads.set(p.unitId, p.id);
    }
    const { province, groups } = await this.fieldGroups.groupsForUnit(issuingUnitId);
    return {
      unit: (key) => byKey.get(`code:${key.toLowerCase()}`) ?? byKey.get(`id:${key}`),
      person: (key) => person.get(key) ?? person.get(key.toLowerCase()),
      headOf: (unitId) => heads.get(unitId),
      fieldGroupProblem: (code) => {
        if (groups.length === 0) return `${province.name} has no field groups to assign by`;
        const problem = fieldGroupProblem(code, groups, province.name);
        if (problem) return problem;
        return groups.find((g) => g.code === code)?.supervisorId
          ? null
          : `field group ${code} has no supervising member`;
      },
    };
  }

  private async templateContext(programme: IssuanceProgramme): Promise<TemplateContext> {
    const units = await this.access.unitScopes();
    const tree = units.committeeTreeOf(programme.issuingUnitId);
    const rows: UnitRow[] = await this.db.query(
      `SELECT id, code, name FROM org_unit WHERE id = ANY($1::text[]) AND status = 'ACTIVE' ORDER BY code NULLS LAST, id`,
      [tree],
    );
    const issuing = rows.find((u) => u.id === programme.issuingUnitId);
    const { groups } = await this.fieldGroups.groupsForUnit(programme.issuingUnitId);
    // The term's last day (a term is written 2025-2030); a year from now when it is not written so.
    const termEnd = /^\d{4}-(\d{4})$/.exec(programme.term)?.[1];
    const dueYear = termEnd ?? String(new Date().getUTCFullYear() + 1);
    return {
      programmeTitle: programme.title,
      units: rows.map((u) => ({ code: u.code ?? u.id, name: u.name })),
      fieldGroups: groups.filter((g) => !g.retired && g.supervisorId).map((g) => ({ code: g.code, name: g.name })),
      sampleUnitCode: issuing ? (issuing.code ?? issuing.id) : programme.issuingUnitId,
      sampleDueOn: `31/12/${dueYear}`,
    };
  }
}

/** The form fields beside the file: the document's number and date, checked as the action checks them. */
function checkHeader(fields: Record<keyof IssuanceHeader, unknown>): IssuanceHeader {
  const text = (name: keyof IssuanceHeader): string | undefined => {
    const value = fields[name];
    if (value === undefined || value === '') return undefined;
    if (typeof value !== 'string') throw new BadRequestException(`${name} must be one text field`);
    return value;
  };
  const documentNumber = text('documentNumber');
  const issuedOn = text('issuedOn');
  if (
    documentNumber !== undefined &&
    (documentNumber.trim() === '' || documentNumber.length > MAX_DOCUMENT_NUMBER_LENGTH)
  )
    throw new BadRequestException(`documentNumber must be 1 to ${MAX_DOCUMENT_NUMBER_LENGTH} characters`);
  if (issuedOn !== undefined) {
    const day = parseSheetDate(issuedOn.trim());
    if (!day || !isIsoDate(day)) throw new BadRequestException(`issuedOn ${issuedOn} is not a date (yyyy-mm-dd)`);
    return { ...(documentNumber !== undefined ? { documentNumber } : {}), issuedOn: day };
  }
  return documentNumber !== undefined ? { documentNumber } : {};
}
