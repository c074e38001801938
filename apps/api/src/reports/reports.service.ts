import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { ProgrammeEntity, ProgrammeReportEntity } from '@app/persistence';
import { DOCX_CONTENT_TYPE } from '@app/reports/docx-layout';
import { gatherIssuedProgramme, NotIssuedError, renderIssuedProgramme } from '@app/reports/issued-programme.document';
import { asciiSlug } from '@app/reports/report-text.util';
import { renderReviewReport } from '@app/reports/review-report.document';
import { gatherReviewReport, ReviewNotFoundError, ReviewStillOpenError } from '@app/reports/review-report.gather';
import { storeReviewReport, type StoredReviewReport } from '@app/reports/review-report.store';
import { checkedBytes, DOCUMENT_STORAGE, DocumentStorage } from '@app/storage';
import { AccessService } from '../access';
import type { Principal } from '../auth/principal';
import type { GenerateReportDto } from './dto/generate-report.dto';
import type { DocumentFormat } from './dto/document-format.dto';
import { PDF_CONTENT_TYPE, PdfRenderer } from './pdf-renderer.service';
import type { DownloadableFile } from '../common/download';

export type ReportSummary = StoredReviewReport;

/** Generates review reports from the read model, stores them, and hands them out again (DOCX or PDF). */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(ProgrammeReportEntity) private readonly reports: Repository<ProgrammeReportEntity>,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
    private readonly access: AccessService,
    private readonly pdf: PdfRenderer,
  ) {}

  async generate(
    programmeId: string,
    dto: GenerateReportDto,
    principal: Principal,
    now = new Date(),
  ): Promise<ReportSummary> {
    await this.access.programmeForReport(principal, programmeId);
    const data = await gatherReviewReport(this.dataSource, programmeId, dto, now).catch(refusal);
    const content = await renderReviewReport(data);
    const stored = await storeReviewReport(this.dataSource, this.storage, data, programmeId, content, {
      generatedBy: principal.personId,
      automatic: false,
    });
    // Only an automatic report can meet one already there; one asked for is always stored.
    if (!stored) throw new Error(`report of review ${data.review.seq} of programme ${programmeId} was not stored`);
    return stored;
  }

  async list(programmeId: string, principal: Principal): Promise<{ items: ReportSummary[]; total: number }> {
    await this.access.programmeReports(principal, programmeId);
    const [rows, total] = await this.reports.findAndCount({
      where: { programmeId },
      order: { createdAt: 'DESC', id: 'ASC' },
    });
    return { items: rows.map(summaryOf), total };
  }

  /** A stored report as it was generated (DOCX), or converted to PDF on the way out. */
  async download(
    programmeId: string,
    reportId: string,
    principal: Principal,
    format: DocumentFormat = 'docx',
  ): Promise<DownloadableFile> {
    await this.access.programmeReports(principal, programmeId);
    const report = await this.reports
      .createQueryBuilder('r')
      .addSelect('r.content')
      .where('r.id = :reportId AND r.programme_id = :programmeId', { reportId, programmeId })
      .getOne();
    if (!report) throw new NotFoundException(`report ${reportId} of programme ${programmeId} not found`);
    const content = await this.bytesOf(report);
    return this.inFormat({ fileName: report.fileName, contentType: report.contentType, content }, format);
  }

  /**
   * A report's bytes from the document storage, or from its row when it was written inline before
   * reports went there; either way checked against the checksum taken when it was stored.
   */
  private async bytesOf(report: ProgrammeReportEntity): Promise<Buffer> {
    const bytes = report.storageKey === null ? report.content : await this.storage.get(report.storageKey);
    return checkedBytes(`report ${report.id}`, bytes, report.sha256);
  }

  /** The issued programme's document, generated from its state as issued; 409 before it is issued. */
  async issuedDocument(programmeId: string, principal: Principal, format: DocumentFormat): Promise<DownloadableFile> {
    const programme: ProgrammeEntity = await this.access.readableProgramme(principal, programmeId);
    const data = await gatherIssuedProgramme(this.dataSource, programme.id).catch(refusal);
    const content = await renderIssuedProgramme(data);
    return this.inFormat(
      {
        fileName: `chuong-trinh-hanh-dong-${asciiSlug(data.documentNumber)}.docx`,
        contentType: DOCX_CONTENT_TYPE,
        content,
      },
      format,
    );
  }

  private async inFormat(file: DownloadableFile, format: DocumentFormat): Promise<DownloadableFile> {
    if (format === 'docx') return file;
    return {
      fileName: file.fileName.replace(/\.docx$/, '.pdf'),
      contentType: PDF_CONTENT_TYPE,
      content: await this.pdf.toPdf(file.content),
    };
  }
}

/** What the routes answer of a report's row: neither its bytes nor where they are kept. */
function summaryOf({
  content: _content,
  storageKey: _key,
  sha256: _sha256,
  ...summary
}: ProgrammeReportEntity): ReportSummary {
  return summary;
}

/** The generators' refusals as HTTP answers: no such review 404, not yet (open review, not issued) 409. */
function refusal(err: unknown): never {
  if (err instanceof ReviewNotFoundError) throw new NotFoundException(err.message);
  if (err instanceof ReviewStillOpenError || err instanceof NotIssuedError) throw new ConflictException(err.message);
  throw err;
}
