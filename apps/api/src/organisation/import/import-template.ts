import {
  ALL_SEATS,
  ALL_UNIT_KINDS,
  MAX_IMPORT_FILE_BYTES,
  MAX_IMPORT_ROWS,
  POSITION_ROLES,
  SEAT_LABEL_VI,
  UNIT_KINDS,
} from '@app/domain';
import { TemplateList, TemplateSheet, templateCsv, templateXlsx } from '../../common/spreadsheet/template-workbook';
import { ImportKind, IMPORT_KINDS, IMPORT_SHEETS, LIST_SEPARATOR } from './import-sheets';

/**
 * The import templates: one XLSX with a sheet per kind (Vietnamese headers, the English key in each
 * header's note, a sample row, drop-down lists for unit kinds, seats and roles), a guide sheet and
 * a list sheet; and the same as one CSV per kind (UTF-8 with BOM, headers `Tiếng Việt (english)`).
 */

const GUIDE: readonly string[] = [
  'Mẫu nhập tổ chức: đơn vị, cán bộ và chức vụ (Organisation import: units, people, positions)',
  '',
  `Mỗi loại một sheet: "${IMPORT_SHEETS.units.sheetVi}", "${IMPORT_SHEETS.people.sheetVi}", "${IMPORT_SHEETS.positions.sheetVi}". Dòng 1 là tiêu đề (giữ nguyên); mỗi dòng sau là một bản ghi. Dòng trống được bỏ qua.`,
  'Dòng mẫu ở mỗi sheet chỉ để minh họa: sửa hoặc xóa trước khi nhập.',
  'Thứ tự: đơn vị cấp trên đặt ở dòng trên đơn vị cấp dưới; cán bộ có trước chức vụ của họ (đã có trong hệ thống hoặc ở sheet Cán bộ).',
  'Ngày viết dd/mm/yyyy (15/10/2020) hoặc yyyy-mm-dd (2020-10-15). Không dùng công thức: ô có công thức bị từ chối.',
  `Nhiều giá trị trong một ô (vai trò, lĩnh vực) cách nhau bởi dấu "${LIST_SEPARATOR}".`,
  'Khóa khi nhập lại: đơn vị theo mã đơn vị; cán bộ theo mã cán bộ (hoặc tên đăng nhập); chức vụ theo cán bộ + đơn vị + vị trí (hoặc chức vụ) + ngày bắt đầu. Nhập lại cùng một tệp không thay đổi gì.',
  'Chức vụ là lịch sử: chỉ có thể thêm ngày kết thúc cho chức vụ đang giữ; muốn đổi vai trò hay lĩnh vực, kết thúc chức vụ cũ và thêm chức vụ mới.',
  'Nhập không tạo tài khoản đăng nhập: quản trị viên tạo tài khoản cho từng người sau khi nhập.',
  'Trước hết "Kiểm tra" (không ghi gì) để xem lỗi của từng dòng; "Nhập" chỉ ghi khi tệp không còn lỗi nào, và ghi tất cả trong một lần.',
  `Giới hạn: tệp tối đa ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB, ${MAX_IMPORT_ROWS} dòng dữ liệu. Quản trị viên tỉnh chỉ nhập được trong tỉnh của mình.`,
  'CSV: mỗi tệp một loại (nhận biết qua tiêu đề), mã hóa UTF-8; dấu phân cách là dấu phẩy hoặc dấu chấm phẩy.',
];

/** The list sheet's columns: each list's values and their Vietnamese labels. */
const LISTS: readonly TemplateList[] = [
  { header: 'Loại đơn vị (kind)', values: ALL_UNIT_KINDS.map((k) => [k, UNIT_KINDS[k].labelVi] as const) },
  { header: 'Vị trí một người giữ (seat)', values: ALL_SEATS.map((s) => [s, SEAT_LABEL_VI[s]] as const) },
  { header: 'Vai trò (roles)', values: POSITION_ROLES.map((r) => [r, r] as const) },
];

const sheets = (): TemplateSheet[] =>
  IMPORT_KINDS.map((kind) => ({
    name: IMPORT_SHEETS[kind].sheetVi,
    columns: IMPORT_SHEETS[kind].columns,
    sample: Object.fromEntries(IMPORT_SHEETS[kind].columns.map((c) => [c.key, c.sample])),
  }));

/** The XLSX template, as bytes. */
export function xlsxTemplate(): Promise<Buffer> {
  return templateXlsx({
    guide: GUIDE,
    sheets: sheets(),
    lists: LISTS,
    dropDowns: [
      { sheet: IMPORT_SHEETS.units.sheetVi, key: 'kind', list: 0, strict: true },
      { sheet: IMPORT_SHEETS.positions.sheetVi, key: 'seat', list: 1, strict: true },
      // Several roles go in one cell, so a value outside the list only warns there.
      { sheet: IMPORT_SHEETS.positions.sheetVi, key: 'roles', list: 2, strict: false },
    ],
    listWidths: [36, 50],
  });
}

/** The CSV template of one kind: the header and the sample row, UTF-8 with BOM. */
export function csvTemplate(kind: ImportKind): string {
  return templateCsv(sheets()[IMPORT_KINDS.indexOf(kind)]);
}
