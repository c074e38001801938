/** What the report routes answer as JSON (the document itself downloads as DOCX or PDF). */
import { ApiBoolean, ApiDateTime, ApiInt, ApiNestedList, ApiString } from '../../openapi/schema-props';

export class ReportSummaryResponse {
  @ApiString({ format: 'uuid' }) id: string;
  @ApiString() programmeId: string;
  @ApiInt() reviewSeq: number;
  @ApiString({ description: 'QUARTERLY, HALF_YEAR, YEARLY, MID_TERM or FINAL' }) reviewKind: string;
  @ApiString() periodLabel: string;
  @ApiString() title: string;
  @ApiString({ example: 'bao-cao-so-ket-quy-hg-ctr-123-2026-q3.docx' }) fileName: string;
  @ApiString() contentType: string;
  @ApiInt() sizeBytes: number;
  @ApiString({ description: "the person who asked for it, or 'system' for the report stored when the review closed" })
  generatedBy: string;
  @ApiBoolean({ description: 'stored automatically when the review closed (one per review)' }) automatic: boolean;
  @ApiDateTime() createdAt: Date;
}

export class ReportListResponse {
  @ApiNestedList(() => ReportSummaryResponse) items: ReportSummaryResponse[];
  @ApiInt() total: number;
}
