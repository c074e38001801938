import type { Issuance, ProgrammeState } from '@app/domain';
import { body, bullets, centred, grid, heading, letterhead, onBehalfOf, packDocument, text } from './docx-layout';
import type { Queryable } from './review-report.gather';
import { namesOf } from './review-report.gather';
import { goalText, placeOf, vnDay } from './report-text.util';

/** Everything the issued programme's document states, from the programme's state as issued. */
export interface IssuedProgrammeData {
  committeeName: string;
  place: string;
  documentNumber: string;
  issuedOn: Date;
  title: string;
  implementsResolution: string | null;
  term: string | null;
  targets: Array<{ code: string; name: string; baseline: string | null; goal: string; responsibleUnit: string }>;
  tasks: Array<{ code: string; title: string; responsibleUnit: string; coordinatingUnits: string[]; dueOn: string }>;
  solutions: string[];
  resources: string[];
}

/** The programme has not been issued yet: there is no issued document. */
export class NotIssuedError extends Error {}

export function issuedProgrammeTitle(d: Pick<IssuedProgrammeData, 'documentNumber' | 'title'>): string {
  return `CHƯƠNG TRÌNH HÀNH ĐỘNG số ${d.documentNumber}: ${d.title}`;
}

/** Reads the issued programme from the read model (its projected state and the names it mentions). */
export async function gatherIssuedProgramme(db: Queryable, programmeId: string): Promise<IssuedProgrammeData> {
  const [p] = await db.query(
    `SELECT p.title, p.term, p.implements_resolution AS "implementsResolution", u.name AS "committeeName", p.snapshot
     FROM programme p JOIN org_unit u ON u.id = p.issuing_unit_id WHERE p.id = $1`,
    [programmeId],
  );
  const issuance = (p?.snapshot as Partial<ProgrammeState> | undefined)?.issuance as Issuance | null | undefined;
  if (!p || !issuance?.issuedOn)
    throw new NotIssuedError(`programme ${programmeId} is not issued yet; its document exists once it is`);
  const names = await namesOf(db, [
    ...issuance.targets.map((t) => t.responsibleUnitId),
    ...issuance.tasks.flatMap((t) => [t.responsibleUnitId, ...(t.coordinatingUnitIds ?? [])]),
  ]);
  const name = (id: string) => names.get(id) ?? id;
  return {
    committeeName: p.committeeName,
    place: placeOf(p.committeeName),
    documentNumber: issuance.documentNumber,
    issuedOn: new Date(issuance.issuedOn),
    title: p.title,
    implementsResolution: p.implementsResolution,
    term: p.term,
    targets: issuance.targets.map((t) => ({
      code: t.code,
      name: t.name,
      baseline: t.baseline,
      goal: `${goalText(t.goal)} ${t.unit}`.trim(),
      responsibleUnit: name(t.responsibleUnitId),
    })),
    tasks: issuance.tasks.map((t) => ({
      code: t.code,
      title: t.title,
      responsibleUnit: name(t.responsibleUnitId),
      coordinatingUnits: (t.coordinatingUnitIds ?? []).map(name),
      dueOn: vnDay(t.dueAt),
    })),
    solutions: issuance.solutions ?? [],
    resources: issuance.resources ?? [],
  };
}

/** Builds the DOCX of the issued action programme: letterhead, purpose, targets, tasks, solutions, organisation. */
export function renderIssuedProgramme(d: IssuedProgrammeData): Promise<Buffer> {
  const children = [
    letterhead(d.committeeName, d.documentNumber, d.place, d.issuedOn),
    centred([text('')], 240),
    centred([text('CHƯƠNG TRÌNH HÀNH ĐỘNG', { bold: true, size: 32 })]),
    ...(d.implementsResolution
      ? [centred([text(`thực hiện Nghị quyết ${d.implementsResolution}`, { bold: true })])]
      : []),
    centred([text(d.title, { bold: true })], d.term ? 0 : 240),
    ...(d.term ? [centred([text(`Nhiệm kỳ ${d.term}`, { italics: true })], 240)] : []),
    body(
      `Để cụ thể hóa và tổ chức thực hiện có hiệu quả${d.implementsResolution ? ` Nghị quyết ${d.implementsResolution}` : ' các nội dung đã đề ra'}, ${d.committeeName} ban hành Chương trình hành động gồm ${d.targets.length} chỉ tiêu và ${d.tasks.length} nhiệm vụ như sau:`,
    ),

    heading('I. CÁC CHỈ TIÊU CHỦ YẾU'),
    grid(
      ['Mã', 'Chỉ tiêu', 'Hiện trạng', 'Mục tiêu', 'Đơn vị chủ trì'],
      d.targets.map((t) => [t.code, t.name, t.baseline ?? '—', t.goal, t.responsibleUnit]),
      [8, 37, 15, 15, 25],
    ),

    heading('II. NHIỆM VỤ'),
    grid(
      ['Mã', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời hạn'],
      d.tasks.map((t) => [t.code, t.title, t.responsibleUnit, t.coordinatingUnits.join('; ') || '—', t.dueOn]),
      [8, 37, 20, 20, 15],
    ),

    heading('III. GIẢI PHÁP, NGUỒN LỰC'),
    ...bullets(d.solutions, 'Các cơ quan, đơn vị chủ động đề ra giải pháp phù hợp với nhiệm vụ được giao.'),
    ...(d.resources.length ? [body('Nguồn lực thực hiện:'), ...bullets(d.resources, '')] : []),

    heading('IV. TỔ CHỨC THỰC HIỆN'),
    body(
      'Các cơ quan, đơn vị được giao chủ trì xây dựng kế hoạch cụ thể, tổ chức quán triệt đến cán bộ, đảng viên và triển khai thực hiện; định kỳ báo cáo kết quả thực hiện các chỉ tiêu, nhiệm vụ.',
    ),
    body(
      `Giao Văn phòng tham mưu Thường trực ${d.committeeName} theo dõi, đôn đốc, kiểm tra việc thực hiện Chương trình; tổ chức sơ kết, tổng kết theo quy định.`,
    ),
    onBehalfOf(d.committeeName),
  ];
  return packDocument({ creator: d.committeeName, title: issuedProgrammeTitle(d) }, children);
}
