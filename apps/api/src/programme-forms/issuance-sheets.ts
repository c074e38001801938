import {
  Comparator,
  MAX_CODE_LENGTH,
  MAX_DECIMAL_LENGTH,
  MAX_ID_LENGTH,
  MAX_TASK_TITLE_LENGTH,
  MAX_TITLE_LENGTH,
} from '@app/domain';
import { columnOfHeader, headerKey, SheetColumn } from '../common/spreadsheet/sheet-grid';

/**
 * The two sheets of an issuance import, each a part of the `issue` action's payload: targets
 * (chỉ tiêu) and tasks (nhiệm vụ). One sheet per kind in an XLSX, one kind per CSV file (told by its
 * headers). Column keys are the payload's field names where a cell is one field.
 */
export type IssuanceSheetKind = 'targets' | 'tasks';
export const ISSUANCE_SHEET_KINDS: readonly IssuanceSheetKind[] = ['targets', 'tasks'];

/** Vietnamese names of the comparators, as the template's list shows them beside the codes. */
export const COMPARATOR_LABEL_VI: Readonly<Record<Comparator, string>> = {
  [Comparator.AT_LEAST]: 'Tối thiểu (đạt từ mục tiêu trở lên)',
  [Comparator.AT_MOST]: 'Tối đa (không vượt mục tiêu)',
  [Comparator.RANGE]: 'Trong khoảng (từ mục tiêu đến cận trên)',
  [Comparator.YES_NO]: 'Có/Không (1 là có, 0 là không)',
  [Comparator.RANK]: 'Xếp hạng (thứ hạng không thấp hơn mục tiêu)',
  [Comparator.RELATIVE]: 'So với chỉ số tham chiếu (cao hơn tham chiếu ít nhất bằng mục tiêu)',
};

export interface IssuanceSheet {
  kind: IssuanceSheetKind;
  sheetVi: string;
  columns: readonly SheetColumn[];
}

const column = (
  key: string,
  vi: string,
  type: SheetColumn['type'],
  required: boolean,
  maxLength: number,
  hintVi: string,
  sample = '',
): SheetColumn => ({ key, vi, hintVi, type, required, maxLength, sample });

/** Separator of years in an annual-estimates cell: `2026=14800; 2027=16000`. */
export const ESTIMATE_SEPARATOR = '=';

export const ISSUANCE_SHEETS: Readonly<Record<IssuanceSheetKind, IssuanceSheet>> = {
  targets: {
    kind: 'targets',
    sheetVi: 'Chỉ tiêu',
    columns: [
      column('code', 'Mã chỉ tiêu', 'code', true, MAX_CODE_LENGTH, 'mã duy nhất trong chương trình', 'CT01'),
      column('name', 'Tên chỉ tiêu', 'text', true, MAX_TITLE_LENGTH, 'tên đầy đủ, có dấu tiếng Việt'),
      column('unit', 'Đơn vị tính', 'text', true, MAX_CODE_LENGTH, 'ví dụ: %, tỷ đồng, km, xã', '%'),
      column('baseline', 'Giá trị cơ sở', 'decimal', false, MAX_DECIMAL_LENGTH, 'số liệu đầu kỳ (không bắt buộc)'),
      column('comparator', 'Loại chỉ tiêu', 'code', true, MAX_CODE_LENGTH, 'một mã trong sheet Danh mục', 'AT_LEAST'),
      column(
        'goal',
        'Mục tiêu',
        'decimal',
        true,
        MAX_DECIMAL_LENGTH,
        'số; Có/Không: 1 hoặc 0; xếp hạng: thứ hạng',
        '100',
      ),
      column('goalHigh', 'Cận trên', 'decimal', false, MAX_DECIMAL_LENGTH, 'chỉ với loại RANGE (trong khoảng)'),
      column('group', 'Nhóm xếp hạng', 'text', false, MAX_TITLE_LENGTH, 'chỉ với loại RANK, ví dụ: 13 tỉnh vùng ĐBSCL'),
      column('reference', 'Chỉ số tham chiếu', 'text', false, MAX_TITLE_LENGTH, 'chỉ với loại RELATIVE'),
      column(
        'annualEstimates',
        'Kế hoạch từng năm',
        'text',
        false,
        MAX_TITLE_LENGTH,
        `năm${ESTIMATE_SEPARATOR}số, cách nhau bởi dấu ; (ví dụ 2026${ESTIMATE_SEPARATOR}14800; 2027${ESTIMATE_SEPARATOR}16000)`,
      ),
      column('responsibleUnit', 'Mã đơn vị chủ trì', 'code', true, MAX_ID_LENGTH, 'mã đơn vị trong sheet Danh mục'),
    ],
  },
  tasks: {
    kind: 'tasks',
    sheetVi: 'Nhiệm vụ',
    columns: [
      column('code', 'Mã nhiệm vụ', 'code', false, MAX_CODE_LENGTH, 'để trống: tự đánh số NV + số dòng', 'NV01'),
      column('title', 'Tên nhiệm vụ', 'text', true, MAX_TASK_TITLE_LENGTH, 'nội dung nhiệm vụ'),
      column('responsibleUnit', 'Mã đơn vị chủ trì', 'code', true, MAX_ID_LENGTH, 'mã đơn vị trong sheet Danh mục'),
      column(
        'responsiblePerson',
        'Người chủ trì (tên đăng nhập)',
        'code',
        false,
        MAX_ID_LENGTH,
        'để trống: người đứng đầu đơn vị chủ trì',
      ),
      column('coordinatingUnits', 'Đơn vị phối hợp', 'list', false, MAX_TITLE_LENGTH, 'các mã đơn vị, cách nhau bởi ;'),
      column('dueOn', 'Hạn hoàn thành', 'date', true, 10, 'dd/mm/yyyy hoặc yyyy-mm-dd; hết ngày theo giờ Việt Nam'),
      column(
        'fieldGroup',
        'Lĩnh vực',
        'code',
        false,
        MAX_ID_LENGTH,
        'mã lĩnh vực trong sheet Danh mục (không bắt buộc)',
      ),
    ],
  },
};

/** The kind a sheet name stands for (its Vietnamese name or its English kind). */
export function kindOfIssuanceSheet(name: string): IssuanceSheetKind | undefined {
  const n = headerKey(name);
  return ISSUANCE_SHEET_KINDS.find((k) => headerKey(ISSUANCE_SHEETS[k].sheetVi) === n || k === n);
}

/** The kind of a CSV, from its headers: the one whose required columns are all named. */
export function kindOfIssuanceHeaders(headers: readonly string[]): IssuanceSheetKind | undefined {
  return ISSUANCE_SHEET_KINDS.find((kind) => {
    const columns = ISSUANCE_SHEETS[kind].columns;
    const named = new Set(headers.map((h) => columnOfHeader(columns, h)?.key));
    return columns.every((c) => !c.required || named.has(c.key));
  });
}
