import { OBLIGATION_STANDING_VI } from '../../../../libs/domain/src/cascade/obligation-standing';
import {
  EXTERNAL_BODY_VI,
  RESOLUTION_KIND_VI,
  RESOLUTION_LEVEL_VI,
  RESOLUTION_STATUS_VI,
} from '../../../../libs/domain/src/resolution/resolution-registry';
import { useI18n } from '../i18n';

/** The resolutions area's texts: Vietnamese first, English on request (the reader's language of i18n.tsx). */
const vi = {
  resolutions: 'Nghị quyết',
  counts: 'Thống kê',
  registry: 'Danh mục văn bản',
  countsTitle: 'Số nghị quyết, chương trình ban hành trong nhiệm kỳ',
  countBy: 'Thống kê theo',
  by_year: 'Năm',
  by_kind: 'Loại văn bản',
  by_level: 'Cấp ban hành',
  by_fieldGroup: 'Khối, lĩnh vực',
  by_memberInCharge: 'Đồng chí phụ trách',
  none: '(không có)',
  resolutionsCount: 'Văn bản',
  programmesCount: 'Chương trình, kế hoạch',
  total: 'Tổng',
  drillDown: 'Danh sách chi tiết',
  subjectResolutions: 'Văn bản đã ban hành',
  subjectProgrammes: 'Chương trình, kế hoạch đã ban hành',
  number: 'Số, ký hiệu',
  title: 'Trích yếu',
  kind: 'Loại',
  level: 'Cấp',
  year: 'Năm',
  signedOn: 'Ngày ký',
  issuer: 'Cơ quan ban hành',
  fieldGroup: 'Khối, lĩnh vực',
  member: 'Đồng chí phụ trách',
  status: 'Hiệu lực',
  any: 'Tất cả',
  restricted: 'Tài liệu mật (không hiển thị nội dung)',
  page: 'Trang',
  previous: 'Trang trước',
  next: 'Trang sau',
  of: 'trên',
  implements: 'Thực hiện văn bản',
  implementedBy: 'Văn bản cụ thể hóa',
  replacedBy: 'Được thay thế bởi',
  lineage: 'Quá trình cụ thể hóa, tổ chức thực hiện',
  entries: 'Văn bản các cấp',
  depth: 'Bậc',
  programmesShown: 'Chương trình, kế hoạch thực hiện',
  withheld: 'trong đó tài liệu mật',
  figures: 'Kết quả chung',
  annualPlans: 'Kế hoạch năm',
  tasks: 'Nhiệm vụ',
  tasksDone: 'Đã hoàn thành',
  tasksOverdue: 'Quá hạn',
  targets: 'Chỉ tiêu',
  targetsAchieved: 'Đạt, vượt',
  progressPercent: 'Tiến độ (%)',
  goal: 'Mục tiêu',
  latestValue: 'Kết quả gần nhất',
  planItems: 'Nội dung',
  due: 'Hạn',
  unit: 'Đơn vị',
  cascade: 'Cấp dưới ban hành chương trình, kế hoạch thực hiện',
  body: 'Cấp ủy cấp dưới',
  dueOn: 'Hạn ban hành',
  standing: 'Tình hình',
  daysLate: 'Số ngày chậm',
  issuedOn: 'Ngày ban hành',
  reminders: 'Nhắc, báo cáo',
  obligationsTotal: 'Tổng số được giao',
  openProgramme: 'Mở chương trình',
};

type Dict = typeof vi;
export type ResolutionKey = keyof Dict;

const en: Dict = {
  resolutions: 'Resolutions',
  counts: 'Counts',
  registry: 'Registry',
  countsTitle: 'Resolutions and programmes issued over the term',
  countBy: 'Count by',
  by_year: 'Year',
  by_kind: 'Kind',
  by_level: 'Level',
  by_fieldGroup: 'Field group',
  by_memberInCharge: 'Member in charge',
  none: '(none)',
  resolutionsCount: 'Documents',
  programmesCount: 'Programmes and plans',
  total: 'Total',
  drillDown: 'The list behind the number',
  subjectResolutions: 'Documents issued',
  subjectProgrammes: 'Programmes and plans issued',
  number: 'Number',
  title: 'Title',
  kind: 'Kind',
  level: 'Level',
  year: 'Year',
  signedOn: 'Signed on',
  issuer: 'Issued by',
  fieldGroup: 'Field group',
  member: 'Member in charge',
  status: 'Status',
  any: 'Any',
  restricted: 'Restricted (content withheld)',
  page: 'Page',
  previous: 'Previous page',
  next: 'Next page',
  of: 'of',
  implements: 'Implements',
  implementedBy: 'Implemented by',
  replacedBy: 'Replaced by',
  lineage: 'Lineage',
  entries: 'Entries at every level',
  depth: 'Depth',
  programmesShown: 'Programmes implementing it',
  withheld: 'of them restricted',
  figures: 'Figures',
  annualPlans: 'Annual plans',
  tasks: 'Tasks',
  tasksDone: 'Done',
  tasksOverdue: 'Overdue',
  targets: 'Targets',
  targetsAchieved: 'Achieved',
  progressPercent: 'Progress (%)',
  goal: 'Goal',
  latestValue: 'Latest value',
  planItems: 'Items',
  due: 'Due',
  unit: 'Unit',
  cascade: 'Subordinate bodies issuing their own programmes',
  body: 'Body',
  dueOn: 'Due on',
  standing: 'Standing',
  daysLate: 'Days late',
  issuedOn: 'Issued on',
  reminders: 'Reminders, escalations',
  obligationsTotal: 'Obliged',
  openProgramme: 'Open programme',
};

const humanise = (code: string) => code.replace(/[_-]/g, ' ').toLowerCase();
const label = (lang: string, map: Record<string, string>, code: string) =>
  lang === 'en' ? humanise(code) : (map[code] ?? code);

/** The resolutions area's texts in the reader's language, with labels for the registry's codes. */
export function useResolutionI18n() {
  const i18n = useI18n();
  const dict = i18n.lang === 'en' ? en : vi;
  return {
    ...i18n,
    r: (key: ResolutionKey): string => dict[key],
    kind: (code: string | null) => (code ? label(i18n.lang, RESOLUTION_KIND_VI, code) : '—'),
    level: (code: string) => label(i18n.lang, RESOLUTION_LEVEL_VI, code),
    status: (code: string) => label(i18n.lang, RESOLUTION_STATUS_VI, code),
    externalBody: (code: string) => label(i18n.lang, EXTERNAL_BODY_VI, code),
    standing: (code: string) => label(i18n.lang, OBLIGATION_STANDING_VI, code),
  };
}

/** A hash route's query (`#/resolutions/counts?term=…`) as plain values. */
export function hashQuery(route: string): Record<string, string> {
  const at = route.indexOf('?');
  return at < 0 ? {} : Object.fromEntries(new URLSearchParams(route.slice(at + 1)));
}

/** A console link with a query: empty values left out. */
export function hashLink(path: string, query: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return `#${path}${s ? `?${s}` : ''}`;
}
