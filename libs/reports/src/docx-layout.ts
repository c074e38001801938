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

/**
 * The pieces of a Vietnamese administrative document (Party documents follow the same layout):
 * Times New Roman 14 pt, a letterhead table, justified body with a first-line indent.
 * "Times New Roman" is what the reader's Word expects; LibreOffice maps it to the metric-compatible
 * Liberation Serif, which carries every Vietnamese letter, when it converts to PDF.
 */
export const DOCUMENT_FONT = 'Times New Roman';
const SIZE = 28; // half-points: 14 pt

export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const text = (t: string, opts: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
  new TextRun({ text: t, font: DOCUMENT_FONT, size: opts.size ?? SIZE, ...opts });

export const centred = (runs: TextRun[], spacingAfter = 0) =>
  new Paragraph({ alignment: AlignmentType.CENTER, children: runs, spacing: { after: spacingAfter } });

export const body = (t: string) =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: 567 },
    spacing: { after: 120 },
    children: [text(t)],
  });

export const heading = (t: string) =>
  new Paragraph({
    heading: HeadingLevel.HEADING_2,
    spacing: { before: 240, after: 120 },
    children: [text(t, { bold: true })],
  });

export const bullets = (items: string[], empty: string) => (items.length ? items : [empty]).map((i) => body(`- ${i}`));

function cell(t: string, opts: { bold?: boolean; width?: number } = {}): TableCell {
  return new TableCell({
    width: opts.width ? { size: opts.width, type: WidthType.PERCENTAGE } : undefined,
    children: [new Paragraph({ children: [text(t, { bold: opts.bold, size: 24 })] })],
  });
}

export function grid(headers: string[], rows: string[][], widths: number[]): Table {
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

/** "Hậu Giang, ngày 5 tháng 3 năm 2026": the day in Vietnam time. */
export function datedLine(place: string, on: Date): string {
  const vn = new Date(on.getTime() + 7 * 3600_000);
  return `${place}, ngày ${vn.getUTCDate()} tháng ${vn.getUTCMonth() + 1} năm ${vn.getUTCFullYear()}`;
}

/** The heading block: committee and number on the left, the Party's name with place and date on the right. */
export function letterhead(committeeName: string, documentNumber: string, place: string, on: Date): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        children: [
          new TableCell({
            width: { size: 45, type: WidthType.PERCENTAGE },
            children: [
              centred([text(committeeName.toUpperCase(), { bold: true, size: 26 })]),
              centred([text('*', { size: 26 })]),
              centred([text(`Số ${documentNumber}`, { size: 26 })]),
            ],
          }),
          new TableCell({
            width: { size: 55, type: WidthType.PERCENTAGE },
            children: [
              centred([text('ĐẢNG CỘNG SẢN VIỆT NAM', { bold: true, size: 26 })]),
              centred([text('───────────', { size: 20 })]),
              centred([text(datedLine(place, on), { italics: true, size: 26 })]),
            ],
          }),
        ],
      }),
    ],
  });
}

/** The signature line: on behalf of the committee. */
export const onBehalfOf = (committeeName: string) =>
  new Paragraph({
    spacing: { before: 480 },
    alignment: AlignmentType.RIGHT,
    children: [text(`T/M ${committeeName.toUpperCase()}`, { bold: true })],
  });

/** One A4 section with the margins of administrative documents (2 cm top/bottom, 3 cm left, 1.5 cm right). */
export function packDocument(
  meta: { creator: string; title: string },
  children: Array<Paragraph | Table>,
): Promise<Buffer> {
  const doc = new Document({
    creator: meta.creator,
    title: meta.title,
    styles: { default: { document: { run: { font: DOCUMENT_FONT, size: SIZE } } } },
    sections: [{ properties: { page: { margin: { top: 1134, bottom: 1134, left: 1701, right: 850 } } }, children }],
  });
  return Packer.toBuffer(doc);
}
