import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { ReviewKind, TaskBucketCounts } from '@app/domain';

/** Everything a review report states; gathered by ReportsService, laid out here. */
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

export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

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

const FONT = 'Times New Roman';
const SIZE = 28; // half-points: 14 pt, the usual size of administrative documents

const text = (t: string, opts: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
  new TextRun({ text: t, font: FONT, size: opts.size ?? SIZE, ...opts });
const centred = (runs: TextRun[], spacingAfter = 0) =>
  new Paragraph({ alignment: AlignmentType.CENTER, children: runs, spacing: { after: spacingAfter } });
const body = (t: string) =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: 567 },
    spacing: { after: 120 },
    children: [text(t)],
  });
const heading = (t: string) =>
  new Paragraph({
    heading: HeadingLevel.HEADING_2,
    spacing: { before: 240, after: 120 },
    children: [text(t, { bold: true })],
  });
const bullets = (items: string[], empty: string) => (items.length ? items : [empty]).map((i) => body(`- ${i}`));

function cell(t: string, opts: { bold?: boolean; width?: number } = {}): TableCell {
  return new TableCell({
    width: opts.width ? { size: opts.width, type: WidthType.PERCENTAGE } : undefined,
    children: [new Paragraph({ children: [text(t, { bold: opts.bold, size: 24 })] })],
  });
}

function grid(headers: string[], rows: string[][], widths: number[]): Table {
  const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h, i) => cell(h, { bold: true, width: widths[i] })) }),
      ...rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, { width: widths[i] })) })),
    ],
  });
}

/** The heading block: committee and number on the left, the Party motto with place and date on the right. */
function letterhead(d: ReviewReportData): Table {
  const date = d.issuedOn;
  const vnDate = new Date(date.getTime() + 7 * 3600_000);
  const dated = `${d.place}, ngày ${vnDate.getUTCDate()} tháng ${vnDate.getUTCMonth() + 1} năm ${vnDate.getUTCFullYear()}`;
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        children: [
          new TableCell({
            width: { size: 45, type: WidthType.PERCENTAGE },
            children: [
              centred([text(d.committeeName.toUpperCase(), { bold: true, size: 26 })]),
              centred([text('*', { size: 26 })]),
              centred([text(`Số ${d.documentNumber}`, { size: 26 })]),
            ],
          }),
          new TableCell({
            width: { size: 55, type: WidthType.PERCENTAGE },
            children: [
              centred([text('ĐẢNG CỘNG SẢN VIỆT NAM', { bold: true, size: 26 })]),
              centred([text('───────────', { size: 20 })]),
              centred([text(dated, { italics: true, size: 26 })]),
            ],
          }),
        ],
      }),
    ],
  });
}

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
    letterhead(d),
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

    new Paragraph({
      spacing: { before: 480 },
      alignment: AlignmentType.RIGHT,
      children: [text(`T/M ${d.committeeName.toUpperCase()}`, { bold: true })],
    }),
  ];
  const doc = new Document({
    creator: d.committeeName,
    title: reviewReportTitle(d),
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: [
      { properties: { page: { margin: { top: 1134, bottom: 1134, left: 1701, right: 850 } } }, children: sections },
    ],
  });
  return Packer.toBuffer(doc);
}
