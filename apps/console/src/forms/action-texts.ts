import { useI18n } from '../i18n';
import type { Problem } from './form-checks';
import { FORM_TEXT } from './form-labels';

/** The texts of action forms, sections and pages: Vietnamese first, English on request. */
const vi = {
  whatNow: 'Việc đồng chí có thể làm',
  noActions: 'Hiện không có thao tác nào dành cho đồng chí.',
  send: 'Gửi',
  sending: 'Đang gửi…',
  close: 'Đóng',
  done: 'Đã ghi nhận',
  addRow: 'Thêm dòng',
  removeRow: 'Xóa dòng',
  row: 'Dòng',
  key: 'Mã',
  value: 'Giá trị',
  onePerLine: 'Mỗi dòng một mục',
  personIdsHint: 'Mã cán bộ, mỗi dòng một mã',
  choose: '— Chọn —',
  optional: 'không bắt buộc',
  required: 'bắt buộc',
  file: 'Tệp (DOCX, PDF, ODT)',
  uploaded: 'Đã tải lên',
  documents: 'Tài liệu, văn bản',
  upload: 'Tải lên',
  kind: 'Loại tài liệu',
  fileName: 'Tên tệp',
  uploadedBy: 'Người tải lên',
  size: 'Dung lượng',
  consultation: 'Lấy ý kiến dự thảo',
  round: 'Đợt',
  draftVersion: 'Dự thảo lần',
  changes: 'Thay đổi so với lần trước',
  added: 'Thêm',
  removed: 'Bỏ',
  answered: 'Đã góp ý',
  silent: 'Chưa góp ý',
  quorum: 'Số ý kiến tối thiểu',
  importSheet: 'Nhập chỉ tiêu, nhiệm vụ từ bảng tính',
  importProblems: 'Các lỗi trong bảng tính',
  sheet: 'Trang',
  column: 'Cột',
  problemText: 'Lỗi',
  auditTrail: 'Nhật ký thao tác',
  lineage: 'Quan hệ văn bản',
  createProgramme: 'Tạo chương trình',
  task: 'Nhiệm vụ',
  cycle: 'Đợt đăng ký việc đột phá',
  history: 'Diễn biến',
  actor: 'Người thực hiện',
  action: 'Thao tác',
  formHasProblems: 'Biểu mẫu còn lỗi, xin xem các ô được đánh dấu.',
  notYet: 'Chưa có',
};
type Key = keyof typeof vi;

const en: Record<Key, string> = {
  whatNow: 'What you can do now',
  noActions: 'Nothing is yours to do here now.',
  send: 'Send',
  sending: 'Sending…',
  close: 'Close',
  done: 'Saved',
  addRow: 'Add a row',
  removeRow: 'Remove the row',
  row: 'Row',
  key: 'Code',
  value: 'Value',
  onePerLine: 'One item per line',
  personIdsHint: 'Person ids, one per line',
  choose: '— Choose —',
  optional: 'optional',
  required: 'required',
  file: 'File (DOCX, PDF, ODT)',
  uploaded: 'Uploaded',
  documents: 'Documents',
  upload: 'Upload',
  kind: 'Document kind',
  fileName: 'File name',
  uploadedBy: 'Uploaded by',
  size: 'Size',
  consultation: 'Consultation on the draft',
  round: 'Round',
  draftVersion: 'Draft version',
  changes: 'Changes since the previous version',
  added: 'Added',
  removed: 'Removed',
  answered: 'Answered',
  silent: 'Not answered yet',
  quorum: 'Quorum',
  importSheet: 'Import targets and tasks from a spreadsheet',
  importProblems: 'Problems in the spreadsheet',
  sheet: 'Sheet',
  column: 'Column',
  problemText: 'Problem',
  auditTrail: 'Audit trail',
  lineage: 'Lineage',
  createProgramme: 'Create a programme',
  task: 'Task',
  cycle: 'Breakthrough registration cycle',
  history: 'History',
  actor: 'Actor',
  action: 'Action',
  formHasProblems: 'The form has problems; see the marked fields.',
  notYet: 'None yet',
};

const CHECKS: Record<'vi' | 'en', Record<Problem['rule'], string>> = {
  vi: {
    required: 'Cần nhập mục này.',
    minLength: 'Cần ít nhất {n} ký tự.',
    maxLength: 'Không quá {n} ký tự.',
    minimum: 'Không nhỏ hơn {n}.',
    maximum: 'Không lớn hơn {n}.',
    minItems: 'Cần ít nhất {n} mục.',
    maxItems: 'Không quá {n} mục.',
    pattern: 'Không đúng định dạng.',
    number: 'Cần nhập một số.',
  },
  en: {
    required: 'This is required.',
    minLength: 'At least {n} characters.',
    maxLength: 'At most {n} characters.',
    minimum: 'At least {n}.',
    maximum: 'At most {n}.',
    minItems: 'At least {n} items.',
    maxItems: 'At most {n} items.',
    pattern: 'Not in the expected format.',
    number: 'A number is needed.',
  },
};

const humanise = (code: string) =>
  code
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_-]/g, ' ')
    .toLowerCase();

/** The action area's texts in the reader's language, with labels of fields, actions and options. */
export function useActionTexts() {
  const i18n = useI18n();
  const lang = i18n.lang;
  const dict = lang === 'en' ? en : vi;
  const form = FORM_TEXT[lang];
  return {
    ...i18n,
    x: (key: Key): string => dict[key],
    fieldLabel: (name: string): string => form[`field.${name}`] ?? humanise(name),
    actionLabel: (name: string): string => form[`action.${name}`] ?? humanise(name),
    optionLabel: (value: string, offered?: string): string =>
      offered && offered !== value ? offered : (form[`option.${value}`] ?? value),
    problem: (p: Problem): string => CHECKS[lang][p.rule].replace('{n}', String(p.limit ?? '')),
  };
}
export type ActionTexts = ReturnType<typeof useActionTexts>;
