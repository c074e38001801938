import { Comparator, MAX_IMPORT_FILE_BYTES, MAX_TARGETS, MAX_TASKS } from '@app/domain';
import { LISTS_SHEET, TemplateSheet, templateCsv, templateXlsx } from '../common/spreadsheet/template-workbook';
import { COMPARATOR_LABEL_VI, ESTIMATE_SEPARATOR, ISSUANCE_SHEETS, IssuanceSheetKind } from './issuance-sheets';

/**
 * The issuance template of one programme: an XLSX with a guide, the sheets "Chỉ tiêu" and
 * "Nhiệm vụ" (Vietnamese headers, the English key and a hint in each header's note, a sample row
 * that imports clean), and a list sheet with the kinds of target, the units of the issuing
 * committee's tree and the province's field groups, offered as drop-down lists; or one sheet as a
 * CSV (UTF-8 with BOM, headers `Tiếng Việt (key)`).
 */

export interface TemplateContext {
  programmeTitle: string;
  /** Units a row may name: code (or id when a unit has none) and name. */
  units: ReadonlyArray<{ code: string; name: string }>;
  fieldGroups: ReadonlyArray<{ code: string; name: string }>;
  /** The sample rows' responsible unit code and due date (dd/mm/yyyy). */
  sampleUnitCode: string;
  sampleDueOn: string;
}

const guide = (ctx: TemplateContext): string[] => [
  `Mẫu nhập chỉ tiêu và nhiệm vụ khi ban hành: ${ctx.programmeTitle} (Issuance import: targets and tasks)`,
  '',
  `Hai sheet: "${ISSUANCE_SHEETS.targets.sheetVi}" và "${ISSUANCE_SHEETS.tasks.sheetVi}". Dòng 1 là tiêu đề (giữ nguyên); mỗi dòng sau là một chỉ tiêu hoặc một nhiệm vụ. Dòng trống được bỏ qua.`,
  'Dòng mẫu chỉ để minh họa: sửa hoặc xóa trước khi nhập.',
  `Loại chỉ tiêu, mã đơn vị và lĩnh vực chọn trong sheet "${LISTS_SHEET}". Khoảng (RANGE) cần cận trên; xếp hạng (RANK) cần nhóm xếp hạng; so với tham chiếu (RELATIVE) cần chỉ số tham chiếu.`,
  `Kế hoạch từng năm: năm${ESTIMATE_SEPARATOR}số, cách nhau bởi dấu ; (2026${ESTIMATE_SEPARATOR}14800; 2027${ESTIMATE_SEPARATOR}16000).`,
  'Số viết bằng chữ số, dấu thập phân là dấu chấm hoặc dấu phẩy (7.5 hoặc 7,5), không dùng dấu phân cách hàng nghìn.',
  'Ngày viết dd/mm/yyyy (31/12/2030) hoặc yyyy-mm-dd. Hạn hoàn thành tính đến hết ngày theo giờ Việt Nam. Không dùng công thức: ô có công thức bị từ chối.',
  'Người chủ trì để trống thì người đứng đầu đơn vị chủ trì nhận nhiệm vụ. Mã nhiệm vụ để trống thì tự đánh số NV + số dòng.',
  'Nhập tệp chỉ "Kiểm tra": hệ thống đọc tệp, báo lỗi từng dòng và trả về nội dung ban hành để rà soát; không ghi gì. Ban hành khi gửi nội dung đó.',
  `Giới hạn: tệp tối đa ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB, ${MAX_TARGETS} chỉ tiêu, ${MAX_TASKS} nhiệm vụ.`,
  'CSV: mỗi tệp một sheet (nhận biết qua tiêu đề), mã hóa UTF-8; dấu phân cách là dấu phẩy hoặc dấu chấm phẩy.',
];

/** The sample row of each sheet, for this programme (it imports without a problem). */
function sampleRow(kind: IssuanceSheetKind, ctx: TemplateContext): Record<string, string> {
  if (kind === 'targets')
    return {
      code: 'CT01',
      name: 'Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn',
      unit: '%',
      baseline: '95',
      comparator: Comparator.AT_LEAST,
      goal: '100',
      responsibleUnit: ctx.sampleUnitCode,
    };
  return {
    code: 'NV01',
    title: 'Xây dựng kế hoạch triển khai chương trình tại đơn vị',
    responsibleUnit: ctx.sampleUnitCode,
    dueOn: ctx.sampleDueOn,
  };
}

const sheet = (kind: IssuanceSheetKind, ctx: TemplateContext): TemplateSheet => ({
  name: ISSUANCE_SHEETS[kind].sheetVi,
  columns: ISSUANCE_SHEETS[kind].columns,
  sample: sampleRow(kind, ctx),
});

export function issuanceXlsxTemplate(ctx: TemplateContext): Promise<Buffer> {
  const pairs = (rows: TemplateContext['units']) => rows.map((r) => [r.code, r.name] as const);
  const targets = ISSUANCE_SHEETS.targets.sheetVi;
  const tasks = ISSUANCE_SHEETS.tasks.sheetVi;
  return templateXlsx({
    guide: guide(ctx),
    sheets: [sheet('targets', ctx), sheet('tasks', ctx)],
    lists: [
      {
        header: 'Loại chỉ tiêu (comparator)',
        values: Object.values(Comparator).map((c) => [c, COMPARATOR_LABEL_VI[c]] as const),
      },
      { header: 'Mã đơn vị (unit code)', values: pairs(ctx.units) },
      { header: 'Lĩnh vực (field group)', values: pairs(ctx.fieldGroups) },
    ],
    dropDowns: [
      { sheet: targets, key: 'comparator', list: 0, strict: true },
      { sheet: targets, key: 'responsibleUnit', list: 1, strict: true },
      { sheet: tasks, key: 'responsibleUnit', list: 1, strict: true },
      ...(ctx.fieldGroups.length ? [{ sheet: tasks, key: 'fieldGroup', list: 2, strict: true }] : []),
    ],
    listWidths: [30, 60],
  });
}

/** One sheet as a CSV: its headers and the sample row, UTF-8 with BOM. */
export function issuanceCsvTemplate(kind: IssuanceSheetKind, ctx: TemplateContext): string {
  return templateCsv(sheet(kind, ctx));
}
