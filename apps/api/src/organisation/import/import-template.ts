import ExcelJS from 'exceljs';
import {
  ALL_SEATS,
  ALL_UNIT_KINDS,
  MAX_IMPORT_FILE_BYTES,
  MAX_IMPORT_ROWS,
  POSITION_ROLES,
  SEAT_LABEL_VI,
  UNIT_KINDS,
} from '@app/domain';
import { CsvColumn, toCsv } from '../../supervision/csv.util';
import { csvHeader } from '../../common/spreadsheet/sheet-grid';
import { ImportKind, IMPORT_KINDS, IMPORT_SHEETS, LIST_SEPARATOR } from './import-sheets';

/**
 * The import templates: one XLSX with a sheet per kind (Vietnamese headers, the English key in each
 * header's note, a sample row, drop-down lists for unit kinds, seats and roles), a guide sheet and
 * a list sheet; and the same as one CSV per kind (UTF-8 with BOM, headers `Tiếng Việt (english)`).
 */

export const GUIDE_SHEET = 'Hướng dẫn';
export const LISTS_SHEET = 'Danh mục';

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
const LISTS: ReadonlyArray<{ header: string; values: ReadonlyArray<readonly [string, string]> }> = [
  { header: 'Loại đơn vị (kind)', values: ALL_UNIT_KINDS.map((k) => [k, UNIT_KINDS[k].labelVi] as const) },
  { header: 'Vị trí một người giữ (seat)', values: ALL_SEATS.map((s) => [s, SEAT_LABEL_VI[s]] as const) },
  { header: 'Vai trò (roles)', values: POSITION_ROLES.map((r) => [r, r] as const) },
];

/** Column letter of a 1-based index (at most a few dozen columns here). */
const letter = (n: number) => String.fromCharCode(64 + n);

/** The XLSX template, as bytes. */
export async function xlsxTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Hệ thống theo dõi chương trình hành động';
  const guide = wb.addWorksheet(GUIDE_SHEET);
  guide.getColumn(1).width = 140;
  GUIDE.forEach((line, i) => {
    const cell = guide.getCell(i + 1, 1);
    cell.value = line;
    cell.alignment = { wrapText: true };
    if (i === 0) cell.font = { bold: true, size: 13 };
  });

  for (const kind of IMPORT_KINDS) {
    const spec = IMPORT_SHEETS[kind];
    const ws = wb.addWorksheet(spec.sheetVi, { views: [{ state: 'frozen', ySplit: 1 }] });
    spec.columns.forEach((c, i) => {
      const header = ws.getCell(1, i + 1);
      header.value = c.vi;
      header.font = { bold: true };
      header.note = `${c.key}${c.required ? ' (bắt buộc / required)' : ''}: ${c.hintVi}`;
      ws.getColumn(i + 1).width = Math.max(16, c.vi.length + 4);
      ws.getCell(2, i + 1).value = c.sample;
    });
  }

  const lists = wb.addWorksheet(LISTS_SHEET);
  LISTS.forEach((list, i) => {
    const col = 2 * i + 1;
    lists.getCell(1, col).value = list.header;
    lists.getCell(1, col).font = { bold: true };
    lists.getCell(1, col + 1).value = 'Tên gọi';
    list.values.forEach(([value, label], j) => {
      lists.getCell(j + 2, col).value = value;
      lists.getCell(j + 2, col + 1).value = label;
    });
    lists.getColumn(col).width = 36;
    lists.getColumn(col + 1).width = 50;
  });
  const range = (i: number) =>
    `'${LISTS_SHEET}'!$${letter(2 * i + 1)}$2:$${letter(2 * i + 1)}$${LISTS[i].values.length + 1}`;
  const validate = (kind: ImportKind, key: string, listIndex: number, strict: boolean) => {
    const ws = wb.getWorksheet(IMPORT_SHEETS[kind].sheetVi) as ExcelJS.Worksheet;
    const col = letter(IMPORT_SHEETS[kind].columns.findIndex((c) => c.key === key) + 1);
    // Rows 2 to the row limit: a list on the cells people fill.
    for (let row = 2; row <= 1000; row++)
      ws.getCell(`${col}${row}`).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [range(listIndex)],
        showErrorMessage: true,
        // Several roles go in one cell, so a value outside the list only warns there.
        errorStyle: strict ? 'stop' : 'warning',
        errorTitle: 'Giá trị không có trong danh mục',
        error: `Chọn một giá trị trong sheet ${LISTS_SHEET}`,
      };
  };
  validate('units', 'kind', 0, true);
  validate('positions', 'seat', 1, true);
  validate('positions', 'roles', 2, false);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The CSV template of one kind: the header and the sample row, UTF-8 with BOM. */
export function csvTemplate(kind: ImportKind): string {
  const columns: Array<CsvColumn<null>> = IMPORT_SHEETS[kind].columns.map((c) => ({
    header: csvHeader(c),
    value: () => c.sample,
  }));
  return toCsv([null], columns);
}
