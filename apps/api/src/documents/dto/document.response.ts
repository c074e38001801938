/** What the document routes answer as JSON (a document's content downloads as itself). */
import { DOCUMENT_KINDS, type DocumentKind } from '@app/domain';
import {
  ApiBoolean,
  ApiDateTime,
  ApiEnum,
  ApiInt,
  ApiNestedList,
  ApiNullableString,
  ApiString,
} from '../../openapi/schema-props';

export class ProgrammeDocumentResponse {
  @ApiString({ format: 'uuid' }) id: string;
  @ApiString() programmeId: string;
  @ApiEnum(DOCUMENT_KINDS) kind: DocumentKind;
  @ApiString({ example: 'Dự thảo chương trình hành động.docx' }) fileName: string;
  @ApiString({ description: 'decided from the content: application/pdf, DOCX or ODT' }) contentType: string;
  @ApiInt() sizeBytes: number;
  @ApiString({ description: 'hex SHA-256 of the content' }) sha256: string;
  @ApiString() uploadedBy: string;
  @ApiDateTime() uploadedAt: Date;
  @ApiString({ description: "the uploader's unit" }) unitId: string;
  @ApiNullableString() note: string | null;
}

/** A row of a programme's list: a file the caller may not read keeps its kind, who and when, without its name. */
export class ProgrammeDocumentListItemResponse {
  @ApiString({ format: 'uuid' }) id: string;
  @ApiString() programmeId: string;
  @ApiEnum(DOCUMENT_KINDS) kind: DocumentKind;
  @ApiNullableString({ description: 'null when the caller may not read the file' }) fileName: string | null;
  @ApiString() contentType: string;
  @ApiInt() sizeBytes: number;
  @ApiNullableString({ description: 'null when the caller may not read the file' }) sha256: string | null;
  @ApiString() uploadedBy: string;
  @ApiDateTime() uploadedAt: Date;
  @ApiString() unitId: string;
  @ApiNullableString({ description: 'null when the caller may not read the file' }) note: string | null;
  @ApiBoolean({ description: 'whether GET /documents/{id}/content gives the caller the file' }) readable: boolean;
}

export class ProgrammeDocumentListResponse {
  @ApiNestedList(() => ProgrammeDocumentListItemResponse) items: ProgrammeDocumentListItemResponse[];
}
