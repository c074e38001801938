import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import {
  REVIEW_KIND_VI,
  VN_TIME_ZONE,
  type ProgrammeState,
  type Review,
  type ReviewKind,
  type TargetGoal,
} from '@app/domain';
import { ProgrammeReportEntity } from '@app/persistence';
import { bucketCountsOf, taskBucketCountsSql } from '@app/persistence/queries/task-buckets.sql';
import { AccessService } from '../access';
import type { Principal } from '../auth/principal';
import type { GenerateReportDto } from './dto/generate-report.dto';
import { DOCX_CONTENT_TYPE, renderReviewReport, ReviewReportData, reviewReportTitle } from './review-report.document';

const NEXT_TASKS_LISTED = 10;

export function goalText(goal: TargetGoal | Record<string, unknown>): string {
  const g = goal as TargetGoal;
  switch (g.comparator) {
    case 'AT_LEAST':
      return `≥ ${g.goal}`;
    case 'AT_MOST':
      return `≤ ${g.goal}`;
    case 'RANGE':
      return `${g.goal}–${g.goalHigh}`;
    case 'YES_NO':
      return g.goal === '1' ? 'Có' : 'Không';
    case 'RANK':
      return `Tốp ${g.goal} (${g.group ?? ''})`;
    case 'RELATIVE':
      return `≥ ${g.reference ?? ''} ${g.goal.startsWith('-') ? '−' : '+'} ${g.goal.replace(/^-/, '')}`;
    default:
      return String(g.goal ?? '');
  }
}

/** "Tỉnh ủy Hậu Giang" → "Hậu Giang": the place line names the locality, not the body. */
export function placeOf(committeeName: string): string {
  return committeeName
    .replace(/\s*\(.*\)\s*$/, '')
    .replace(/^(Tỉnh ủy|Thành ủy|Huyện ủy|Quận ủy|Thị ủy|Đảng ủy)\s+/i, '')
    .trim();
}

function asciiSlug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export type ReportSummary = Omit<ProgrammeReportEntity, 'content'>;

/** Generates review reports from the read model, stores them, and hands them out again. */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(ProgrammeReportEntity) private readonly reports: Repository<ProgrammeReportEntity>,
    private readonly access: AccessService,
  ) {}

  async generate(
    programmeId: string,
    dto: GenerateReportDto,
    principal: Principal,
    now = new Date(),
  ): Promise<ReportSummary> {
    await this.access.programmeForReport(principal, programmeId);
    const data = await this.gather(programmeId, dto, now);
    const content = await renderReviewReport(data);
    const saved = await this.reports.save(
      this.reports.create({
        programmeId,
        reviewSeq: data.review.seq,
        reviewKind: data.review.kind,
        periodLabel: data.review.periodLabel,
        title: reviewReportTitle(data),
        fileName: `bao-cao-${asciiSlug(data.review.kindLabel)}-${asciiSlug(programmeId)}-${asciiSlug(data.review.periodLabel)}.docx`,
        contentType: DOCX_CONTENT_TYPE,
        sizeBytes: content.length,
        content,
        generatedBy: principal.personId,
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

  async download(programmeId: string, reportId: string, principal: Principal): Promise<ProgrammeReportEntity> {
    await this.access.programmeReports(principal, programmeId);
    const report = await this.reports
      .createQueryBuilder('r')
      .addSelect('r.content')
      .where('r.id = :reportId AND r.programme_id = :programmeId', { reportId, programmeId })
      .getOne();
    if (!report) throw new NotFoundException(`report ${reportId} of programme ${programmeId} not found`);
    return report;
  }

  /** Collects the figures of one closed review: targets, task buckets, unit reports, low areas, evaluations. */
  private async gather(programmeId: string, dto: GenerateReportDto, now: Date): Promise<ReviewReportData> {
    const [p] = await this.dataSource.query(
      `SELECT p.title, p.document_number AS "documentNumber", p.implements_resolution AS "implementsResolution", u.name AS "committeeName", p.snapshot
       FROM programme p JOIN org_unit u ON u.id = p.issuing_unit_id WHERE p.id = $1`,
      [programmeId],
    );
    const [r] = await this.dataSource.query(
      `SELECT seq, kind, period_label AS "periodLabel", opens_at AS "opensAt", closes_at AS "closesAt", closed_at AS "closedAt",
         achieved_or_exceeded AS "achievedOrExceeded", targets_total AS "targetsTotal", low_target_codes AS "lowTargetCodes"
       FROM programme_review WHERE programme_id = $1 AND seq = $2`,
      [programmeId, dto.reviewSeq],
    );
    if (!r) throw new NotFoundException(`programme ${programmeId} has no review number ${dto.reviewSeq}`);
    if (!r.closedAt)
      throw new ConflictException(
        `review ${dto.reviewSeq} (${r.periodLabel}) is still open; its report is generated once it closes`,
      );

    const targets: Array<{
      code: string;
      name: string;
      unit: string;
      goal: TargetGoal;
      value: string | null;
      achievement: string | null;
      referenceValue: string | null;
      annualEstimate: string | null;
      shareOfEstimate: string | null;
    }> = await this.dataSource.query(
      `SELECT pt.code, pt.name, pt.unit, pt.goal, tv.value, tv.achievement, tv.reference_value AS "referenceValue",
         tv.annual_estimate AS "annualEstimate", tv.share_of_estimate::text AS "shareOfEstimate"
       FROM programme_target pt LEFT JOIN target_value tv ON tv.programme_id = pt.programme_id AND tv.target_code = pt.code AND tv.review_seq = $2
       WHERE pt.programme_id = $1 ORDER BY pt.code`,
      [programmeId, dto.reviewSeq],
    );
    const [buckets] = await this.dataSource.query(
      `SELECT ${taskBucketCountsSql('t', '$2::timestamptz')} FROM task t WHERE t.programme_id = $1`,
      [programmeId, now.toISOString()],
    );
    const nextTasks = await this.dataSource.query(
      `SELECT t.title, u.name AS "unitName", to_char(t.due_at AT TIME ZONE '${VN_TIME_ZONE}', 'DD/MM/YYYY') AS "dueOn"
       FROM task t LEFT JOIN org_unit u ON u.id = t.responsible_unit_id
       WHERE t.programme_id = $1 AND t.status NOT IN ('DONE', 'CANCELLED') ORDER BY t.due_at, t.id LIMIT ${NEXT_TASKS_LISTED}`,
      [programmeId],
    );
    const names = new Map<string, string>(
      (await this.dataSource.query(`SELECT id, name FROM org_unit UNION ALL SELECT id, full_name FROM person`)).map(
        (x: { id: string; name: string }) => [x.id, x.name],
      ),
    );
    const state = p.snapshot as Partial<ProgrammeState>;
    const reviews: Review[] = [
      ...(state.implementation?.reviews ?? []),
      ...(state.finalReview?.review ? [state.finalReview.review] : []),
    ];
    const review = reviews.find((x) => x.seq === dto.reviewSeq);
    // Inspections since the previous review closed are what this review reports on.
    const since =
      reviews
        .filter((x) => x.seq < dto.reviewSeq && x.closedAt)
        .map((x) => x.closedAt as string)
        .sort()
        .at(-1) ?? '';
    const inPeriod = (at: string) => at > since && at <= new Date(r.closedAt).toISOString();
    const kind = r.kind as ReviewKind;
    const lowCodes: string[] = r.lowTargetCodes;
    const suffix = p.documentNumber?.split('/')[1] ?? 'TU';

    return {
      committeeName: p.committeeName,
      documentNumber: dto.documentNumber ?? `${dto.reviewSeq}-BC/${suffix}`,
      place: placeOf(p.committeeName),
      issuedOn: now,
      programme: { title: p.title, documentNumber: p.documentNumber, implementsResolution: p.implementsResolution },
      review: {
        seq: r.seq,
        kind,
        kindLabel: REVIEW_KIND_VI[kind] ?? kind,
        periodLabel: r.periodLabel,
        opensAt: new Date(r.opensAt).toISOString(),
        closesAt: new Date(r.closesAt).toISOString(),
      },
      targets: targets.map((t) => ({
        code: t.code,
        name: t.name,
        unit: t.unit,
        goal: goalText(t.goal),
        value: t.value === null || t.referenceValue === null ? t.value : `${t.value} (so sánh: ${t.referenceValue})`,
        achievement: t.achievement ?? 'NO_DATA',
      })),
      estimateShares: targets
        .filter((t) => t.value !== null && t.annualEstimate !== null)
        .map((t) => ({
          code: t.code,
          name: t.name,
          unit: t.unit,
          value: t.value as string,
          estimate: t.annualEstimate as string,
          sharePercent: t.shareOfEstimate,
        })),
      summary: {
        achievedOrExceeded:
          r.achievedOrExceeded ??
          targets.filter((t) => t.achievement === 'ACHIEVED' || t.achievement === 'EXCEEDED').length,
        total: r.targetsTotal ?? targets.length,
      },
      buckets: bucketCountsOf(buckets),
      unitReports: Object.values(review?.reports ?? {}).map((x) => ({
        unitName: names.get(x.unitId) ?? x.unitId,
        text: x.text,
      })),
      low: targets
        .filter((t) => lowCodes.includes(t.code))
        .map((t) => ({ code: t.code, name: t.name, value: t.value, goal: `${goalText(t.goal)} ${t.unit}` })),
      causes:
        dto.causes ?? (state.implementation?.inspections ?? []).filter((i) => inPeriod(i.at)).map((i) => i.findings),
      lessons: dto.lessons ?? (kind === 'FINAL' ? (state.finalReview?.lessons ?? []) : []),
      nextTasks,
      evaluations:
        kind === 'FINAL'
          ? (state.finalReview?.evaluations ?? []).map((e) => ({
              subject: names.get(e.subjectId) ?? e.subjectId,
              rating: e.rating,
              comment: e.comment,
            }))
          : [],
      // A final review lists the final commendations; any other review those made at it (commendAtReview).
      commendations:
        kind === 'FINAL'
          ? (state.finalReview?.commendations ?? []).map((c) => ({
              subject: names.get(c.subjectId) ?? c.subjectId,
              text: c.text,
            }))
          : (review?.commendations ?? []).map((c) => ({
              subject: names.get(c.subjectId) ?? c.subjectId,
              text: c.reason,
            })),
    };
  }
}
