import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { DataSource } from 'typeorm';
import {
  DOCUMENT_KIND_OF_ACTION,
  documentUploadRefusal,
  isTerminal,
  type Actor,
  type DocumentKind,
  type ProgrammeState,
} from '@app/domain';
import { ProgrammeDocumentEntity, ProgrammeEntity } from '@app/persistence';
import { programmeViewQuery } from '@app/workflows/programme/definitions';
import type { Principal } from '../auth/principal';
import { AccessService } from './access.service';
import { ProgrammeViewer, seesWholePart } from './programme-visibility';

/** What of a document decides who reads it. */
export type DocumentFacts = Pick<ProgrammeDocumentEntity, 'kind' | 'uploadedBy'>;

/**
 * Who reads a document of a programme they may open. The issued text and units' reports are read by
 * everyone who opens the programme; a draft and an inspection record follow the programme's parts
 * (`programme-visibility`): a draft is read by those who see drafts whole and by the invitees of a
 * consultation round, an inspection record by those who see inspection findings; the uploader always
 * reads their own.
 */
export function readsDocument(viewer: ProgrammeViewer, doc: DocumentFacts): boolean {
  if (doc.uploadedBy === viewer.personId) return true;
  switch (doc.kind as DocumentKind) {
    case 'DRAFT':
      return seesWholePart(viewer, 'drafts') || viewer.invitee;
    case 'INSPECTION_RECORD':
      return seesWholePart(viewer, 'inspections');
    default:
      return true;
  }
}

/**
 * The decisions about programme documents: who adds one of each kind (the domain's permissions, on
 * the programme's live state and the caller as the programme's actions see them), who lists and
 * downloads them (whoever opens the programme, within the secret tier; drafts and inspection records
 * as `readsDocument` says), and whether an action's `documentId` names a document of the programme of
 * the right kind.
 */
@Injectable()
export class DocumentAccessService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly temporal: Client,
  ) {}

  /**
   * Adding a document of `kind` to programme `id`: 404 when the caller may not open it, 409 when it has
   * finished, 403 (with the reason) when the kind is not theirs to add. Answers the acting actor.
   */
  async mayUpload(principal: Principal, id: string, kind: DocumentKind): Promise<Actor> {
    const { workflowId, actor } = await this.access.programmeForAction(principal, id);
    const state = await this.stateOf(id, workflowId);
    if (!state) throw new ConflictException(`programme ${id} does not answer now (no worker); try again later`);
    if (isTerminal(state.phase))
      throw new ConflictException(`programme ${id} is ${state.phase} and takes no more documents`);
    const refusal = documentUploadRefusal(state, actor, kind);
    if (refusal) throw new ForbiddenException(refusal);
    return actor;
  }

  /** Listing a programme's documents: whoever opens the programme (404 otherwise); who they are to it. */
  async listing(principal: Principal, id: string): Promise<ProgrammeViewer> {
    const programme = await this.access.readableProgramme(principal, id);
    return this.access.programmeViewer(principal, programme);
  }

  /** A document to download: 404 unknown or of a programme the caller may not open, 403 a part they may not read. */
  async readableDocument(principal: Principal, documentId: string): Promise<ProgrammeDocumentEntity> {
    const doc = await this.dataSource.getRepository(ProgrammeDocumentEntity).findOne({ where: { id: documentId } });
    if (!doc) throw new NotFoundException(`document ${documentId} not found`);
    let programme: ProgrammeEntity;
    try {
      programme = await this.access.readableProgramme(principal, doc.programmeId);
    } catch (err) {
      if (err instanceof NotFoundException) throw new NotFoundException(`document ${documentId} not found`);
      throw err;
    }
    const viewer = await this.access.programmeViewer(principal, programme);
    if (!readsDocument(viewer, doc))
      throw new ForbiddenException(
        doc.kind === 'DRAFT'
          ? "a draft's file is read by the programme's leaders, drafting team, supervisors and the invitees of its consultation"
          : "an inspection record is read by the programme's leaders, drafting team and supervisors",
      );
    return doc;
  }

  /**
   * The `documentId` an action names, checked before the workflow is told: a document of this programme
   * of the kind the action takes (400 naming what is wrong). Actions without one pass.
   */
  async checkActionDocument(programmeId: string, action: string, payload: Record<string, unknown>): Promise<void> {
    const documentId = payload.documentId;
    const wanted = (DOCUMENT_KIND_OF_ACTION as Record<string, DocumentKind | undefined>)[action];
    if (documentId === undefined || documentId === null || !wanted) return;
    const [doc]: Array<{ kind: string }> = await this.dataSource.query(
      `SELECT kind FROM programme_document WHERE id = $1::uuid AND programme_id = $2`,
      [documentId, programmeId],
    );
    if (!doc)
      throw new BadRequestException(`documentId ${String(documentId)} names no document of programme ${programmeId}`);
    if (doc.kind !== wanted)
      throw new BadRequestException(
        `documentId ${String(documentId)} is a ${doc.kind} document; ${action} takes a ${wanted} one`,
      );
  }

  /**
   * The live state; without a workflow (finished and gone, or a programme known only to the read model)
   * 409, as its actions would be; when no worker answers, the read model's snapshot if it is whole.
   */
  private async stateOf(id: string, workflowId: string): Promise<ProgrammeState | null> {
    try {
      return (await this.temporal.workflow.getHandle(workflowId).query(programmeViewQuery)).state;
    } catch (err) {
      if (err instanceof WorkflowNotFoundError)
        throw new ConflictException(`programme ${id} has no running workflow and takes no more documents`);
      const row = await this.dataSource
        .getRepository(ProgrammeEntity)
        .findOne({ where: { id }, select: { id: true, snapshot: true } });
      const snapshot = row?.snapshot as Partial<ProgrammeState> | undefined;
      return snapshot?.setup && snapshot.phase ? (snapshot as ProgrammeState) : null;
    }
  }
}
