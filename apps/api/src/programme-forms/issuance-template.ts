import ExcelJS from 'exceljs';
import { Comparator, MAX_IMPORT_FILE_BYTES, MAX_TARGETS, MAX_TASKS } from '@app/domain';
import { csvHeader } from '../common/spreadsheet/sheet-grid';
import { CsvColumn, toCsv } from '../supervision/csv.util';
import { COMPARATOR_LABEL_VI, ESTIMATE_SEPARATOR, ISSUANCE_SHEETS, IssuanceSheetKind } from './issuance-sheets';

/**
 * The issuance template of one programme: an XLSX with a guide, the sheets "Chỉ tiêu" and
 * "Nhiệm vụ" (Vietnamese headers, the English key and a hint in each header's note, a sample row
 * that imports clean), and a list sheet with the kinds of target, the units of the issuing
 * committee's tree and the province's field groups, offered as drop-down lists; or one sheet as a
 * CSV (UTF-8 with BOM, headers `Tiếng Việt (key)`).
 */

export const GUIDE_SHEET = 'Hướng dẫn';
export const LISTS_SHEET = 'Danh mục';

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

/** Column letter of a 1-based index (a sheet here has fewer than 27 columns). */
const letter = (n: number) => String.fromCharCode(64 + n);

export async function issuanceXlsxTemplate(ctx: TemplateContext): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Hệ thống theo dõi chương trình hành động';
  const guideSheet = wb.addWorksheet(GUIDE_SHEET);
  guideSheet.getColumn(1).width = 140;
  guide(ctx).forEach((line, i) => {
    const cell = guideSheet.getCell(i + 1, 1);
    cell.value = line;
    cell.alignment = { wrapText: true };
    if (i === 0) cell.font = { bold: true, size: 13 };
  });

  for (const kind of ['targets', 'tasks'] as const) {
    const spec = ISSUANCE_SHEETS[kind];
    const ws = wb.addWorksheet(spec.sheetVi, { views: [{ state: 'frozen', ySplit: 1 }] });
    const sample = sampleRow(kind, ctx);
    spec.columns.forEach((c, i) => {
      const header = ws.getCell(1, i + 1);
      header.value = c.vi;
      header.font = { bold: true };
      header.note = `${c.key}${c.required ? ' (bắt buộc / required)' : ''}: ${c.hintVi}`;
      ws.getColumn(i + 1).width = Math.max(16, c.vi.length + 4);
      // Text, so that codes such as 01 and dates stay as typed.
      ws.getCell(2, i + 1).value = sample[c.key] ?? '';
    });
  }

  const lists: Array<{ header: string; rows: ReadonlyArray<{ code: string; name: string }> }> = [
    {
      header: 'Loại chỉ tiêu (comparator)',
      rows: Object.values(Comparator).map((c) => ({ code: c, name: COMPARATOR_LABEL_VI[c] })),
    },
    { header: 'Mã đơn vị (unit code)', rows: ctx.units },
    { header: 'Lĩnh vực (field group)', rows: ctx.fieldGroups },
  ];
  const listSheet = wb.addWorksheet(LISTS_SHEET);
  lists.forEach((list, i) => {
    const col = 2 * i + 1;
    listSheet.getCell(1, col).value = list.header;
    listSheet.getCell(1, col).font = { bold: true };
    listSheet.getCell(1, col + 1).value = 'Tên gọi';
    list.rows.forEach((r, j) => {
      listSheet.getCell(j + 2, col).value = r.code;
      listSheet.getCell(j + 2, col + 1).value = r.name;
    });
    listSheet.getColumn(col).width = 30;
    listSheet.getColumn(col + 1).width = 60;
  });
  const range = (i: number) =>
    `'${LISTS_SHEET}'!$${letter(2 * i + 1)}$2:$${letter(2 * i + 1)}$${Math.max(2, lists[i].rows.length + 1)}`;
  const dropDown = (kind: IssuanceSheetKind, key: string, listIndex: number) => {
    const ws = wb.getWorksheet(ISSUANCE_SHEETS[kind].sheetVi) as ExcelJS.Worksheet;
    const col = letter(ISSUANCE_SHEETS[kind].columns.findIndex((c) => c.key === key) + 1);
    for (let row = 2; row <= 1000; row++)
      ws.getCell(`${col}${row}`).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [range(listIndex)],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: 'Giá trị không có trong danh mục',
        error: `Chọn một giá trị trong sheet ${LISTS_SHEET}`,
      };
  };
  dropDown('targets', 'comparator', 0);
  dropDown('targets', 'responsibleUnit', 1);
  dropDown('tasks', 'responsibleUnit', 1);
  if (ctx.fieldGroups.length) dropDown('tasks', 'fieldGroup', 2);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** One sheet as a CSV: its headers and the sample row, UTF-8 with BOM. */
export function issuanceCsvTemplate(kind: IssuanceSheetKind, ctx: TemplateContext): string {
  const sample = sampleRow(kind, ctx);
  const columns: Array<CsvColumn<null>> = ISSUANCE_SHEETS[kind].columns.map((c) => ({
    header: csvHeader(c),
    value: () => sample[c.key] ?? '',
  }));
  return toCsv([null], columns);
}
