import type { Actor } from '../org/actor';
import { invalid, type Refusal } from './refusal';
import { isApprover, isDrafter, mayInspect } from './permissions';
import type { ProgrammeState } from './programme-state';

/**
 * Files kept with a programme (tài liệu): the draft text as a file, the issued programme, a unit's
 * review report, an inspection record. Actions name the file they go with by its id (`documentId`).
 */
export const DOCUMENT_KINDS = ['DRAFT', 'ISSUED', 'UNIT_REPORT', 'INSPECTION_RECORD'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_KIND_VI: Readonly<Record<DocumentKind, string>> = {
  DRAFT: 'Dự thảo',
  ISSUED: 'Văn bản ban hành',
  UNIT_REPORT: 'Báo cáo của đơn vị',
  INSPECTION_RECORD: 'Biên bản kiểm tra',
};

export function isDocumentKind(value: unknown): value is DocumentKind {
  return typeof value === 'string' && (DOCUMENT_KINDS as readonly string[]).includes(value);
}

/** The actions that may name a document, and the kind the document must be. */
export const DOCUMENT_KIND_OF_ACTION = {
  submitDraft: 'DRAFT',
  issue: 'ISSUED',
  submitReviewReport: 'UNIT_REPORT',
  recordInspection: 'INSPECTION_RECORD',
} as const satisfies Record<string, DocumentKind>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An optional `documentId` of a payload: absent, or a document's id (a UUID). */
export function documentIdProblem(documentId: unknown): Refusal | null {
  if (documentId === undefined) return null;
  return typeof documentId === 'string' && UUID.test(documentId) ? null : invalid('documentId must be a UUID');
}

/** `{ documentId }` when the payload names one, else nothing: state written before documents stays as it was. */
export function withDocumentId(p: { documentId?: string }): { documentId?: string } {
  return p.documentId === undefined ? {} : { documentId: p.documentId };
}

/**
 * Whether `actor` may add a document of `kind` to the programme, or why not: a draft, the drafting
 * team; the issued text, the drafting team or the approvers; a unit's report, a unit expected in one
 * of its reviews not yet closed (the file may be ready before the window opens); an inspection record, whoever may record inspections.
 */
export function documentUploadRefusal(s: ProgrammeState, actor: Actor, kind: DocumentKind): string | null {
  switch (kind) {
    case 'DRAFT':
      return isDrafter(s, actor) ? null : 'only the drafting team adds draft documents';
    case 'ISSUED':
      return isDrafter(s, actor) || isApprover(s, actor)
        ? null
        : 'only the drafting team or the approvers add the issued document';
    case 'UNIT_REPORT':
      return allReviews(s).some((r) => !r.closedAt && r.expectedUnitIds.includes(actor.unitId))
        ? null
        : 'only a unit asked to report to a review that is not closed adds its report';
    case 'INSPECTION_RECORD':
      return mayInspect(s, actor)
        ? null
        : 'only the inspection commission, the member in charge or the steering committee add inspection records';
  }
}

function allReviews(s: ProgrammeState) {
  return [...(s.implementation?.reviews ?? []), ...(s.finalReview?.review ? [s.finalReview.review] : [])];
}
