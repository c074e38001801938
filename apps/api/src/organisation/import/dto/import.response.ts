/** What the organisation import routes answer. */
import { ApiProperty } from '@nestjs/swagger';
import { ErrorResponse } from '../../../openapi/error.response';
import {
  ApiBoolean,
  ApiEnum,
  ApiInt,
  ApiNested,
  ApiNestedList,
  ApiNullableInt,
  ApiNullableString,
  ApiString,
  ApiStringList,
} from '../../../openapi/schema-props';

export class ImportProblemResponse {
  @ApiString({ description: 'the sheet (or CSV file) as named in the upload', example: 'Chức vụ' }) sheet: string;
  @ApiNullableInt({ description: 'spreadsheet row number (the header is 1); null for the whole sheet' })
  row: number | null;
  @ApiNullableString({ description: "the column's Vietnamese header", example: 'Mã cán bộ' }) column: string | null;
  @ApiString({ example: 'unknown person hg-khong-co: no person has this code or username' }) message: string;
}

export class ImportRowOutcomeResponse {
  @ApiString() sheet: string;
  @ApiInt() row: number;
  @ApiEnum(['units', 'people', 'positions']) kind: 'units' | 'people' | 'positions';
  @ApiString({ description: "the row's natural key", example: 'HG-TU' }) key: string;
  @ApiEnum(['created', 'updated', 'unchanged'], { description: 'what applying does (a dry run: would do)' })
  outcome: 'created' | 'updated' | 'unchanged';
  @ApiStringList({ description: 'the columns an update changes' }) changed: string[];
}

export class ImportCountsResponse {
  @ApiInt() created: number;
  @ApiInt() updated: number;
  @ApiInt() unchanged: number;
}

export class ImportCountsByKindResponse {
  @ApiNested(() => ImportCountsResponse) units: ImportCountsResponse;
  @ApiNested(() => ImportCountsResponse) people: ImportCountsResponse;
  @ApiNested(() => ImportCountsResponse) positions: ImportCountsResponse;
}

export class ImportReportResponse {
  @ApiString({ description: "SHA-256 of the file's bytes, hex", example: 'e3b0c442…' }) checksum: string;
  @ApiEnum(['xlsx', 'csv'], { description: 'as told by the content, not the name' }) format: 'xlsx' | 'csv';
  @ApiBoolean({ description: 'no problem: applying the file writes exactly these rows' }) ok: boolean;
  @ApiNestedList(() => ImportProblemResponse) problems: ImportProblemResponse[];
  @ApiNestedList(() => ImportRowOutcomeResponse, { description: 'every row that has no problem, and its outcome' })
  rows: ImportRowOutcomeResponse[];
  @ApiNested(() => ImportCountsByKindResponse) counts: ImportCountsByKindResponse;
  @ApiStringList({ description: 'sheets that are none of units, people, positions (left unread)' })
  ignoredSheets: string[];
}

export class ImportAppliedResponse {
  @ApiString({ description: "SHA-256 of the file's bytes, hex (also in the audit)" }) checksum: string;
  @ApiEnum(['xlsx', 'csv']) format: 'xlsx' | 'csv';
  @ApiInt({ description: 'rows applied' }) rows: number;
  @ApiNested(() => ImportCountsByKindResponse) counts: ImportCountsByKindResponse;
}

/** An apply refused for its rows' problems: nothing was written. */
export class ImportRefusedResponse extends ErrorResponse {
  @ApiProperty({
    type: ImportReportResponse,
    required: false,
    description: 'every problem of every row (absent when the file itself cannot be read)',
  })
  report?: ImportReportResponse;
}
