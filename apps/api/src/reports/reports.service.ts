import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { ProgrammeEntity, ProgrammeReportEntity } from '@app/persistence';
import { DOCX_CONTENT_TYPE } from '@app/reports/docx-layout';
import { gatherIssuedProgramme, NotIssuedError, renderIssuedProgramme } from '@app/reports/issued-programme.document';
import { asciiSlug } from '@app/reports/report-text.util';
import { renderReviewReport, reviewReportTitle } from '@app/reports/review-report.document';
import {
  gatherReviewReport,
  reviewReportFileName,
  ReviewNotFoundError,
  ReviewStillOpenError,
} from '@app/reports/review-report.gather';
import { AccessService } from '../access';
import type { Principal } from '../auth/principal';
import type { GenerateReportDto } from './dto/generate-report.dto';
import type { DocumentFormat } from './dto/document-format.dto';
import { PDF_CONTENT_TYPE, PdfRenderer } from './pdf-renderer.service';
import type { DownloadableFile } from '../common/download';

export type ReportSummary = Omit<ProgrammeReportEntity, 'content'>;

/** A file to hand out: its bytes, type and name. */

/** Generates review reports from the read model, stores them, and hands them out again (DOCX or PDF). */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(ProgrammeReportEntity) private readonly reports: Repository<ProgrammeReportEntity>,
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
    const saved = await this.reports.save(
      this.reports.create({
        programmeId,
        reviewSeq: data.review.seq,
        reviewKind: data.review.kind,
        periodLabel: data.review.periodLabel,
        title: reviewReportTitle(data),
        fileName: reviewReportFileName(data, programmeId),
        contentType: DOCX_CONTENT_TYPE,
        sizeBytes: content.length,
        content,
        generatedBy: principal.personId,
        automatic: false,
      }),
    );
    const { content: _, ...summary } = saved;
    return summary;
  }

  async list(programmeId: string, principal: Principal): Promise<{ items: ReportSummary[]; total: number }> {
    await this.access.programmeReports(principal, programmeId);
    const [items, total] = await this.reports.findAndCount({
      where: { programmeId },
      order: { createdAt: 'DESC', id: 'ASC' },
    });
    return { items, total };
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
    return this.inFormat(report, format);
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

/** The generators' refusals as HTTP answers: no such review 404, not yet (open review, not issued) 409. */
function refusal(err: unknown): never {
  if (err instanceof ReviewNotFoundError) throw new NotFoundException(err.message);
  if (err instanceof ReviewStillOpenError || err instanceof NotIssuedError) throw new ConflictException(err.message);
  throw err;
}
