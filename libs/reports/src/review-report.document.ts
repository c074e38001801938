import type { ReviewKind, TaskBucketCounts } from '@app/domain';
import { body, bullets, centred, grid, heading, letterhead, onBehalfOf, packDocument, text } from './docx-layout';

/** Everything a review report states; gathered by `gatherReviewReport`, laid out here. */
export interface ReviewReportData {
  /** The issuing committee, e.g. "Tỉnh ủy Hậu Giang", and its upper-case heading form. */
  committeeName: string;
  documentNumber: string;
  place: string;
  issuedOn: Date;
  programme: { title: string; documentNumber: string | null; implementsResolution: string | null };
  review: { seq: number; kind: ReviewKind; kindLabel: string; periodLabel: string; opensAt: string; closesAt: string };
  targets: Array<{ code: string; name: string; unit: string; goal: string; value: string | null; achievement: string }>;
  /** Targets with an estimate for the review's year: progress as a share of it. */
  estimateShares: Array<{
    code: string;
    name: string;
    unit: string;
    value: string;
    estimate: string;
    sharePercent: string | null;
  }>;
  summary: { achievedOrExceeded: number; total: number };
  buckets: TaskBucketCounts;
  unitReports: Array<{ unitName: string; text: string }>;
  low: Array<{ code: string; name: string; value: string | null; goal: string }>;
  causes: string[];
  lessons: string[];
  nextTasks: Array<{ title: string; unitName: string; dueOn: string }>;
  evaluations: Array<{ subject: string; rating: string; comment: string }>;
  commendations: Array<{ subject: string; text: string }>;
}

export const ACHIEVEMENT_VI: Record<string, string> = {
  EXCEEDED: 'Vượt',
  ACHIEVED: 'Đạt',
  NOT_ACHIEVED: 'Không đạt',
  NO_DATA: 'Chưa có số liệu',
};

export const RATING_VI: Record<string, string> = {
  EXCELLENT: 'Hoàn thành xuất sắc nhiệm vụ',
  GOOD: 'Hoàn thành tốt nhiệm vụ',
  COMPLETED: 'Hoàn thành nhiệm vụ',
  NOT_COMPLETED: 'Không hoàn thành nhiệm vụ',
};

export function reviewReportTitle(d: Pick<ReviewReportData, 'review' | 'programme'>): string {
  const subject = d.programme.documentNumber
    ? `Chương trình hành động số ${d.programme.documentNumber}`
    : d.programme.title;
  return `BÁO CÁO ${d.review.kindLabel.toUpperCase()} ${subject}`;
}

/** Builds the DOCX of a review report in the Vietnamese administrative layout. */
export async function renderReviewReport(d: ReviewReportData): Promise<Buffer> {
  const isFinal = d.review.kind === 'FINAL';
  const b = d.buckets;
  const sections = [
    letterhead(d.committeeName, d.documentNumber, d.place, d.issuedOn),
    centred([text('')], 240),
    centred([text('BÁO CÁO', { bold: true, size: 32 })]),
    centred([
      text(
        `${d.review.kindLabel} ${d.programme.documentNumber ? `Chương trình hành động số ${d.programme.documentNumber}` : ''}`.trim(),
        { bold: true },
      ),
    ]),
    centred([text(d.programme.title, { bold: true })]),
    centred(
      [
        text(
          `Kỳ báo cáo: ${d.review.periodLabel} (từ ${d.review.opensAt.slice(0, 10)} đến ${d.review.closesAt.slice(0, 10)})`,
          { italics: true },
        ),
      ],
      240,
    ),
    ...(d.programme.implementsResolution
      ? [body(`Thực hiện Nghị quyết ${d.programme.implementsResolution}, ${d.committeeName} báo cáo kết quả như sau:`)]
      : []),

    heading('I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU'),
    body(`Có ${d.summary.achievedOrExceeded}/${d.summary.total} chỉ tiêu đạt và vượt kế hoạch.`),
    grid(
      ['Mã', 'Chỉ tiêu', 'Mục tiêu', 'Thực hiện', 'Đánh giá'],
      d.targets.map((t) => [
        t.code,
        t.name,
        `${t.goal} ${t.unit}`.trim(),
        t.value ?? '—',
        ACHIEVEMENT_VI[t.achievement] ?? t.achievement,
      ]),
      [10, 40, 18, 14, 18],
    ),
    ...(d.estimateShares.length
      ? [
          body('Tiến độ so với dự toán, kế hoạch năm:'),
          grid(
            ['Mã', 'Chỉ tiêu', 'Thực hiện', 'Kế hoạch năm', 'Tỷ lệ'],
            d.estimateShares.map((e) => [
              e.code,
              e.name,
              `${e.value} ${e.unit}`.trim(),
              `${e.estimate} ${e.unit}`.trim(),
              e.sharePercent === null ? '—' : `${e.sharePercent.replace('.', ',')} %`,
            ]),
            [10, 40, 18, 18, 14],
          ),
        ]
      : []),

    heading('II. TÌNH HÌNH THỰC HIỆN NHIỆM VỤ'),
    body(`Tổng số ${b.total} nhiệm vụ được giao:`),
    grid(
      ['Tình trạng', 'Số nhiệm vụ'],
      [
        ['Hoàn thành đúng hạn', String(b.DONE_ON_TIME)],
        ['Hoàn thành quá hạn', String(b.DONE_LATE)],
        ['Chưa hoàn thành, trong hạn', String(b.OPEN_WITHIN_DEADLINE)],
        ['Chưa hoàn thành, quá hạn', String(b.OPEN_OVERDUE)],
      ],
      [70, 30],
    ),
    ...d.unitReports.flatMap((r) => [body(`${r.unitName}: ${r.text}`)]),

    heading('III. HẠN CHẾ, NGUYÊN NHÂN'),
    ...bullets(
      d.low.map(
        (l) =>
          `Chỉ tiêu ${l.code} (${l.name}) chưa đạt: thực hiện ${l.value ?? 'chưa có số liệu'}, mục tiêu ${l.goal}.`,
      ),
      'Không có chỉ tiêu nào chưa đạt.',
    ),
    ...(d.causes.length ? [body('Nguyên nhân:'), ...bullets(d.causes, '')] : []),

    heading('IV. BÀI HỌC KINH NGHIỆM'),
    ...bullets(d.lessons, 'Chưa ghi nhận bài học kinh nghiệm trong kỳ.'),

    ...(isFinal
      ? [
          heading('V. ĐÁNH GIÁ, KHEN THƯỞNG'),
          grid(
            ['Tập thể, cá nhân', 'Xếp loại', 'Nhận xét'],
            d.evaluations.map((e) => [e.subject, RATING_VI[e.rating] ?? e.rating, e.comment]),
            [35, 30, 35],
          ),
          body('Biểu dương, khen thưởng:'),
          ...bullets(
            d.commendations.map((c) => `${c.subject}: ${c.text}`),
            'Chưa có đề nghị khen thưởng.',
          ),
        ]
      : d.commendations.length > 0
        ? [
            body('Biểu dương trong kỳ:'),
            ...bullets(
              d.commendations.map((c) => `${c.subject}: ${c.text}`),
              '',
            ),
          ]
        : []),

    heading(isFinal ? 'VI. NHIỆM VỤ TIẾP THEO' : 'V. NHIỆM VỤ TRỌNG TÂM KỲ TỚI'),
    ...bullets(
      d.nextTasks.map((t) => `${t.title} (${t.unitName}, hạn ${t.dueOn}).`),
      'Tiếp tục thực hiện các chỉ tiêu, nhiệm vụ của Chương trình.',
    ),

    onBehalfOf(d.committeeName),
  ];
  return packDocument({ creator: d.committeeName, title: reviewReportTitle(d) }, sections);
}
