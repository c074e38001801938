/** The issuance import's query and answer. */
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import {
  ApiDateTime,
  ApiMap,
  ApiNested,
  ApiNestedList,
  ApiNullableInt,
  ApiNullableString,
  ApiString,
  ApiStringList,
} from '../../openapi/schema-props';
import { TargetGoalResponse } from '../../programmes/dto/programme-state.response';
import { ISSUANCE_SHEET_KINDS, IssuanceSheetKind } from '../issuance-sheets';

const FORMATS = ['xlsx', 'csv'] as const;

export class IssuanceTemplateQuery {
  @ApiPropertyOptional({ enum: FORMATS, default: 'xlsx' })
  @IsOptional()
  @IsIn(FORMATS)
  format: (typeof FORMATS)[number] = 'xlsx';

  @ApiPropertyOptional({ enum: ISSUANCE_SHEET_KINDS, default: 'targets', description: 'CSV only: which sheet' })
  @IsOptional()
  @IsIn(ISSUANCE_SHEET_KINDS)
  sheet: IssuanceSheetKind = 'targets';
}

export class SheetProblemResponse {
  @ApiString({ description: 'the sheet (or CSV file) as named in the upload', example: 'Chỉ tiêu' }) sheet: string;
  @ApiNullableInt({ description: 'spreadsheet row number (the header is 1); null for the whole sheet' })
  row: number | null;
  @ApiNullableString({ description: "the column's Vietnamese header", example: 'Mã đơn vị chủ trì' })
  column: string | null;
  @ApiString({
    example: "unknown unit code SO-KHONG-CO: no unit in force with this code in the issuing committee's tree",
  })
  message: string;
}

export class ImportedTargetResponse {
  @ApiString() code: string;
  @ApiString() name: string;
  @ApiString({ description: 'measurement unit' }) unit: string;
  @ApiString({ optional: true, description: 'decimal text' }) baseline?: string;
  @ApiNested(() => TargetGoalResponse) goal: TargetGoalResponse;
  @ApiString() responsibleUnitId: string;
  @ApiMap({ type: 'string' }, { optional: true, description: 'estimate by year, e.g. {"2026": "14800"}' })
  annualEstimates?: Record<string, string>;
}

export class ImportedTaskResponse {
  @ApiString() code: string;
  @ApiString() title: string;
  @ApiString() responsibleUnitId: string;
  @ApiString({ description: "the lead person named, or else the responsible unit's head" })
  responsiblePersonId: string;
  @ApiStringList({ optional: true }) coordinatingUnitIds?: string[];
  @ApiDateTime({ description: 'the end of the due day in Vietnam (+07:00)' }) dueAt: string;
  @ApiString({ optional: true, description: 'assigned by field: the field group' }) fieldGroup?: string;
}

/** The `issue` payload as read: targets and tasks; the document's number and date when sent with the file. */
export class ProposedIssuePayloadResponse {
  @ApiString({ optional: true }) documentNumber?: string;
  @ApiString({ optional: true, description: 'YYYY-MM-DD' }) issuedOn?: string;
  @ApiNestedList(() => ImportedTargetResponse, { description: 'the rows without a problem' })
  targets: ImportedTargetResponse[];
  @ApiNestedList(() => ImportedTaskResponse, { description: 'the rows without a problem' })
  tasks: ImportedTaskResponse[];
  @ApiStringList({ description: 'empty: solutions are entered in the form' }) solutions: string[];
  @ApiStringList({ description: 'empty: resources are entered in the form' }) resources: string[];
}

export class IssuanceImportResponse {
  @ApiNested(() => ProposedIssuePayloadResponse, {
    description: 'the payload for POST /programmes/{id}/actions/issue (add what the file does not hold)',
  })
  payload: ProposedIssuePayloadResponse;
  @ApiNestedList(() => SheetProblemResponse, {
    description: 'every problem of every row; empty when the file is clean',
  })
  problems: SheetProblemResponse[];
}
