import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import type { DocumentKind } from '@app/domain';
import { ProgrammeDocumentEntity } from '@app/persistence';
import { checkedBytes, DOCUMENT_STORAGE, DocumentStorage, putThenRecord } from '@app/storage';
import { DocumentAccessService, readsDocument } from '../access';
import type { Principal } from '../auth/principal';
import { safeFileName } from './document-file-name';
import { ACCEPTED_TYPES, sniffDocument } from './document-sniffing';
import type { ProgrammeDocumentListItemResponse, ProgrammeDocumentResponse } from './dto/document.response';
import type { UploadDocumentDto } from './dto/upload-document.dto';

/** The part of a multipart request multer keeps in memory. */
export interface UploadedDocument {
  originalname: string;
  buffer: Buffer;
  size: number;
}

/** Programme documents: stored when the content is one of the accepted types, listed and handed out again. */
@Injectable()
export class DocumentsService {
  constructor(
    @InjectRepository(ProgrammeDocumentEntity) private readonly documents: Repository<ProgrammeDocumentEntity>,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
    private readonly access: DocumentAccessService,
  ) {}

  /**
   * Stores a file for programme `programmeId`: the request's shape first (400), then the caller's right
   * to add this kind (404/409/403), then the content (400 unless PDF, DOCX or ODT). Nothing is stored
   * when any of these refuses.
   */
  async upload(
    programmeId: string,
    dto: UploadDocumentDto,
    file: UploadedDocument | undefined,
    principal: Principal,
  ): Promise<ProgrammeDocumentResponse> {
    if (!file) throw new BadRequestException('send the document as multipart/form-data in the field "file"');
    await this.access.mayUpload(principal, programmeId, dto.kind);
    const type = sniffDocument(file.buffer);
    if (!type)
      throw new BadRequestException(
        `file: its content is not a ${ACCEPTED_TYPES} document; the type is read from the content, not the name`,
      );
    const id = randomUUID();
    const storageKey = `documents/${id}`;
    const saved = await putThenRecord(
      this.storage,
      { key: storageKey, bytes: file.buffer, contentType: type.contentType },
      (stored) =>
        this.documents.save(
          this.documents.create({
            id,
            programmeId,
            kind: dto.kind,
            fileName: safeFileName(file.originalname, type.extension),
            contentType: type.contentType,
            sizeBytes: stored.sizeBytes,
            sha256: stored.sha256,
            storageKey,
            uploadedBy: principal.personId,
            unitId: principal.unitId,
            note: dto.note ?? null,
          }),
        ),
    );
    return this.answer(saved);
  }

  /** A programme's documents, oldest first; those the caller may not read without their name, note or checksum. */
  async list(programmeId: string, principal: Principal): Promise<{ items: ProgrammeDocumentListItemResponse[] }> {
    const viewer = await this.access.listing(principal, programmeId);
    const rows = await this.documents.find({ where: { programmeId }, order: { uploadedAt: 'ASC', id: 'ASC' } });
    return {
      items: rows.map((row) => {
        const readable = readsDocument(viewer, row);
        const answer = this.answer(row);
        return readable ? { ...answer, readable } : { ...answer, fileName: null, sha256: null, note: null, readable };
      }),
    };
  }

  /** A document's row and bytes, checked against the checksum taken when it was stored. */
  async download(documentId: string, principal: Principal): Promise<{ doc: ProgrammeDocumentResponse; bytes: Buffer }> {
    const doc = await this.access.readableDocument(principal, documentId);
    const bytes = checkedBytes(`document ${documentId}`, await this.storage.get(doc.storageKey), doc.sha256);
    return { doc: this.answer(doc), bytes };
  }

  private answer(row: ProgrammeDocumentEntity): ProgrammeDocumentResponse {
    return {
      id: row.id,
      programmeId: row.programmeId,
      kind: row.kind as DocumentKind,
      fileName: row.fileName,
      contentType: row.contentType,
      sizeBytes: row.sizeBytes,
      sha256: row.sha256,
      uploadedBy: row.uploadedBy,
      uploadedAt: row.uploadedAt,
      unitId: row.unitId,
      note: row.note,
    };
  }
}
