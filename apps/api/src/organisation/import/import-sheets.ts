import { ALL_SEATS, MAX_CODE_LENGTH, MAX_ID_LENGTH, MAX_REASON_LENGTH, MAX_TITLE_LENGTH } from '@app/domain';
import { columnOfHeader, headerKey, SheetColumn } from '../../common/spreadsheet/sheet-grid';

/**
 * The three kinds of rows an organisation import reads, and their columns: one sheet per kind in an
 * XLSX, one kind per CSV file. A header may be written in Vietnamese (`vi`), as the English key
 * (`key`) or as both (`Mã đơn vị (code)`, as the CSV templates write it).
 */
export type ImportKind = 'units' | 'people' | 'positions';
export const IMPORT_KINDS: readonly ImportKind[] = ['units', 'people', 'positions'];

/** A column of an organisation sheet: the shared spreadsheet column. */
export type ImportColumn = SheetColumn;

export interface ImportSheet {
  kind: ImportKind;
  /** The sheet's name in the template (an XLSX sheet may also be named by `kind`). */
  sheetVi: string;
  columns: readonly ImportColumn[];
}

/** Separator of several values in one cell (roles, fields); a comma is read as one too. */
export const LIST_SEPARATOR = ';';

const code = (key: string, vi: string, hintVi: string, required: boolean, sample: string): ImportColumn => ({
  key,
  vi,
  hintVi,
  type: 'code',
  required,
  maxLength: MAX_CODE_LENGTH,
  sample,
});
const date = (key: string, vi: string, hintVi: string, required: boolean, sample: string): ImportColumn => ({
  key,
  vi,
  hintVi,
  type: 'date',
  required,
  maxLength: 10,
  sample,
});
const DATE_HINT = 'ngày dạng dd/mm/yyyy hoặc yyyy-mm-dd';

export const IMPORT_SHEETS: Readonly<Record<ImportKind, ImportSheet>> = {
  units: {
    kind: 'units',
    sheetVi: 'Đơn vị',
    columns: [
      code('code', 'Mã đơn vị', 'mã duy nhất của đơn vị (khóa khi nhập lại)', true, 'MAU-TU'),
      {
        key: 'name',
        vi: 'Tên đơn vị',
        hintVi: 'tên đầy đủ',
        type: 'text',
        required: true,
        maxLength: MAX_TITLE_LENGTH,
        sample: 'Tỉnh ủy Mẫu',
      },
      {
        key: 'kind',
        vi: 'Loại đơn vị',
        hintVi: 'một mã trong sheet Danh mục',
        type: 'text',
        required: true,
        maxLength: MAX_CODE_LENGTH,
        sample: 'PROVINCIAL_COMMITTEE',
      },
      code('parentCode', 'Mã đơn vị cấp trên', 'để trống với tỉnh ủy, thành ủy (gốc của cây)', false, ''),
      date('validFrom', 'Hiệu lực từ ngày', DATE_HINT, false, '01/01/2004'),
      date('validTo', 'Hiệu lực đến ngày', `${DATE_HINT}; để trống nếu còn hiệu lực`, false, ''),
    ],
  },
  people: {
    kind: 'people',
    sheetVi: 'Cán bộ',
    columns: [
      code('code', 'Mã cán bộ', 'mã duy nhất của cán bộ (khóa khi nhập lại)', false, 'mau-bithu'),
      {
        key: 'username',
        vi: 'Tên đăng nhập',
        hintVi: 'chỉ để tìm người đã có tài khoản; nhập không tạo tài khoản',
        type: 'code',
        required: false,
        maxLength: MAX_ID_LENGTH,
        sample: '',
      },
      {
        key: 'fullName',
        vi: 'Họ và tên',
        hintVi: 'có dấu tiếng Việt',
        type: 'text',
        required: true,
        maxLength: MAX_TITLE_LENGTH,
        sample: 'Nguyễn Thị Mẫu',
      },
      code('unitCode', 'Mã đơn vị', 'đơn vị của cán bộ khi tạo mới (sau đó chức vụ quyết định)', true, 'MAU-TU'),
      {
        key: 'title',
        vi: 'Chức danh',
        hintVi: 'khi tạo mới',
        type: 'text',
        required: false,
        maxLength: MAX_TITLE_LENGTH,
        sample: 'Bí thư Tỉnh ủy',
      },
      {
        key: 'email',
        vi: 'Thư điện tử',
        hintVi: 'địa chỉ nhận thông báo',
        type: 'email',
        required: false,
        maxLength: 254,
        sample: '',
      },
    ],
  },
  positions: {
    kind: 'positions',
    sheetVi: 'Chức vụ',
    columns: [
      code('person', 'Mã cán bộ', 'mã cán bộ (hoặc tên đăng nhập) đã có hoặc ở sheet Cán bộ', true, 'mau-bithu'),
      code('unitCode', 'Mã đơn vị', 'đơn vị nơi giữ chức vụ', true, 'MAU-TU'),
      {
        key: 'title',
        vi: 'Chức vụ',
        hintVi: 'tên chức vụ',
        type: 'text',
        required: true,
        maxLength: MAX_TITLE_LENGTH,
        sample: 'Bí thư Tỉnh ủy',
      },
      {
        key: 'seat',
        vi: 'Vị trí một người giữ',
        hintVi: `${ALL_SEATS.join(', ')} hoặc để trống`,
        type: 'text',
        required: false,
        maxLength: MAX_CODE_LENGTH,
        sample: 'HEAD',
      },
      {
        key: 'roles',
        vi: 'Vai trò',
        hintVi: `các mã trong sheet Danh mục, cách nhau bởi dấu ${LIST_SEPARATOR}`,
        type: 'list',
        required: false,
        maxLength: MAX_TITLE_LENGTH,
        sample: 'HEAD; STANDING_COMMITTEE; KEY_CADRE',
      },
      {
        key: 'fields',
        vi: 'Lĩnh vực phụ trách',
        hintVi: `cách nhau bởi dấu ${LIST_SEPARATOR}`,
        type: 'list',
        required: false,
        maxLength: MAX_TITLE_LENGTH,
        sample: '',
      },
      date('startsOn', 'Từ ngày', DATE_HINT, true, '15/10/2020'),
      date('endsOn', 'Đến ngày', `${DATE_HINT}; để trống nếu đang giữ`, false, ''),
      {
        key: 'endReason',
        vi: 'Lý do kết thúc',
        hintVi: 'khi có ngày kết thúc',
        type: 'text',
        required: false,
        maxLength: MAX_REASON_LENGTH,
        sample: '',
      },
    ],
  },
};

/** The kind a sheet name stands for (its Vietnamese name or its English kind). */
export function kindOfSheetName(name: string): ImportKind | undefined {
  const n = headerKey(name);
  return IMPORT_KINDS.find((k) => headerKey(IMPORT_SHEETS[k].sheetVi) === n || k === n);
}

/** The kind of a CSV file, from its headers: the kind whose required columns are all there and that names most of them. */
export function kindOfHeaders(headers: readonly string[]): ImportKind | undefined {
  let best: { kind: ImportKind; named: number } | undefined;
  for (const kind of IMPORT_KINDS) {
    const sheet = IMPORT_SHEETS[kind];
    const named = new Set(headers.map((h) => columnOfHeader(sheet.columns, h)?.key).filter((k) => k !== undefined));
    if (!sheet.columns.every((c) => !c.required || named.has(c.key))) continue;
    if (!best || named.size > best.named) best = { kind, named: named.size };
  }
  return best?.kind;
}
