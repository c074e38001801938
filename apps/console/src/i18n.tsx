import { createContext, ReactNode, useContext, useState } from 'react';
// Labels shared with the API and the reports: one Vietnamese term per domain name (docs/glossary.md).
import { PHASE_LABEL_VI } from '../../../libs/domain/src/programme/phase';
import { REVIEW_KIND_VI } from '../../../libs/domain/src/programme/reviews';

/** User-facing text: Vietnamese by default (the terms of docs/glossary.md), English on request. */
const vi = {
  appTitle: 'Theo dõi chương trình hành động',
  login: 'Đăng nhập',
  logout: 'Đăng xuất',
  username: 'Tên đăng nhập',
  password: 'Mật khẩu',
  ssoLogin: 'Đăng nhập một lần (SSO)',
  or: 'hoặc',
  sessionEnded: 'Phiên làm việc đã kết thúc. Vui lòng đăng nhập lại.',
  changePassword: 'Đổi mật khẩu',
  mustChangePassword:
    'Mật khẩu của đồng chí đã được quản trị viên đặt lại. Vui lòng đặt mật khẩu mới trước khi tiếp tục.',
  currentPassword: 'Mật khẩu hiện tại',
  newPassword: 'Mật khẩu mới',
  repeatPassword: 'Nhập lại mật khẩu mới',
  passwordRule: 'Từ 12 đến 128 ký tự, khác tên đăng nhập, không phải mật khẩu phổ biến.',
  passwordsDiffer: 'Hai lần nhập mật khẩu mới không khớp nhau.',
  passwordChanged: 'Đã đổi mật khẩu.',
  queues: 'Hàng đợi thông báo',
  administration: 'Quản trị',
  myWork: 'Việc của tôi',
  overview: 'Tổng quan',
  resolutions: 'Nghị quyết',
  inbox: 'Thông báo',
  myTasks: 'Nhiệm vụ của tôi',
  due: 'Hạn',
  status: 'Trạng thái',
  progress: 'Tiến độ',
  programme: 'Chương trình',
  actions: 'Thao tác',
  accept: 'Nhận nhiệm vụ',
  reportProgress: 'Báo cáo tiến độ',
  submitResult: 'Báo cáo kết quả',
  percent: 'Phần trăm hoàn thành',
  reportText: 'Nội dung báo cáo',
  send: 'Gửi',
  cancel: 'Hủy',
  saved: 'Đã ghi nhận',
  consultations: 'Lời mời góp ý dự thảo',
  yourOpinion: 'Ý kiến của đồng chí',
  acknowledgements: 'Xác nhận đã quán triệt',
  acknowledge: 'Xác nhận',
  nothing: 'Không có mục nào',
  tasksUnavailable: 'Chưa kết nối được dịch vụ nhiệm vụ',
  DONE_ON_TIME: 'Hoàn thành đúng hạn',
  DONE_LATE: 'Hoàn thành quá hạn',
  OPEN_WITHIN_DEADLINE: 'Chưa hoàn thành, trong hạn',
  OPEN_OVERDUE: 'Chưa hoàn thành, quá hạn',
  committee: 'Cấp ủy',
  term: 'Nhiệm kỳ',
  apply: 'Xem',
  programmesByPhase: 'Chương trình theo giai đoạn',
  bucketsByUnit: 'Nhiệm vụ theo đơn vị',
  bucketsByMember: 'Nhiệm vụ theo đồng chí phụ trách',
  bucketsByField: 'Nhiệm vụ theo lĩnh vực',
  achievement: 'Kết quả thực hiện chỉ tiêu',
  overdueTrend: 'Nhiệm vụ trễ hạn theo tháng',
  dueInMonth: 'Đến hạn',
  late: 'Trễ hạn',
  achievedOf: 'đạt và vượt',
  lowTargets: 'Chỉ tiêu chưa đạt',
  period: 'Kỳ',
  programmes: 'Danh sách chương trình',
  phase: 'Giai đoạn',
  phaseDeadline: 'Hạn giai đoạn',
  exportCsv: 'Tải CSV',
  timeline: 'Diễn biến',
  liveState: 'Tình trạng hiện tại',
  awaiting: 'Đang chờ',
  reports: 'Báo cáo sơ kết, tổng kết',
  generateReport: 'Tạo báo cáo',
  review: 'Đợt sơ kết',
  download: 'Tải về',
  downloadDocx: 'Tải DOCX',
  downloadPdf: 'Tải PDF',
  issuedDocument: 'Văn bản chương trình đã ban hành',
  automaticReport: 'lập tự động khi kết thúc đợt sơ kết',
  back: 'Quay lại',
  loading: 'Đang tải…',
  unit: 'Đơn vị',
  member: 'Đồng chí phụ trách',
  field: 'Lĩnh vực',
  total: 'Tổng',
  when: 'Thời gian',
  what: 'Sự kiện',
  PHASE: 'Chuyển giai đoạn',
  REVIEW_OPENED: 'Mở đợt sơ kết',
  REVIEW_CLOSED: 'Kết thúc đợt sơ kết',
  INSPECTION: 'Kiểm tra, giám sát',
  REMINDER: 'Đôn đốc',
  ESCALATION: 'Báo cáo cấp trên (quá hạn)',
};

type Dict = typeof vi;

const en: Dict = {
  appTitle: 'Action programme tracking',
  login: 'Log in',
  logout: 'Log out',
  username: 'Username',
  password: 'Password',
  ssoLogin: 'Single sign-on',
  or: 'or',
  sessionEnded: 'Your session has ended. Please log in again.',
  changePassword: 'Change password',
  mustChangePassword: 'An administrator reset your password. Please choose a new one before you continue.',
  currentPassword: 'Current password',
  newPassword: 'New password',
  repeatPassword: 'Repeat the new password',
  passwordRule: '12 to 128 characters, not your username, not a common password.',
  passwordsDiffer: 'The two new passwords differ.',
  passwordChanged: 'Password changed.',
  queues: 'Notification queues',
  administration: 'Administration',
  myWork: 'My work',
  overview: 'Overview',
  resolutions: 'Resolutions',
  inbox: 'Inbox',
  myTasks: 'My tasks',
  due: 'Due',
  status: 'Status',
  progress: 'Progress',
  programme: 'Programme',
  actions: 'Actions',
  accept: 'Accept',
  reportProgress: 'Report progress',
  submitResult: 'Submit result',
  percent: 'Percent done',
  reportText: 'Report',
  send: 'Send',
  cancel: 'Cancel',
  saved: 'Saved',
  consultations: 'Invitations to comment on drafts',
  yourOpinion: 'Your opinion',
  acknowledgements: 'Acknowledge dissemination',
  acknowledge: 'Acknowledge',
  nothing: 'Nothing here',
  tasksUnavailable: 'The task service is not reachable yet',
  DONE_ON_TIME: 'Done on time',
  DONE_LATE: 'Done late',
  OPEN_WITHIN_DEADLINE: 'Open, within deadline',
  OPEN_OVERDUE: 'Open, overdue',
  committee: 'Committee',
  term: 'Term',
  apply: 'Show',
  programmesByPhase: 'Programmes by phase',
  bucketsByUnit: 'Tasks by unit',
  bucketsByMember: 'Tasks by member in charge',
  bucketsByField: 'Tasks by field',
  achievement: 'Target achievement',
  overdueTrend: 'Late tasks by month',
  dueInMonth: 'Due',
  late: 'Late',
  achievedOf: 'achieved or exceeded',
  lowTargets: 'Low targets',
  period: 'Period',
  programmes: 'Programmes',
  phase: 'Phase',
  phaseDeadline: 'Phase deadline',
  exportCsv: 'Download CSV',
  timeline: 'Timeline',
  liveState: 'Live state',
  awaiting: 'Awaiting',
  reports: 'Review reports',
  generateReport: 'Generate report',
  review: 'Review',
  download: 'Download',
  downloadDocx: 'Download DOCX',
  downloadPdf: 'Download PDF',
  issuedDocument: 'The issued programme',
  automaticReport: 'made when the review closed',
  back: 'Back',
  loading: 'Loading…',
  unit: 'Unit',
  member: 'Member in charge',
  field: 'Field',
  total: 'Total',
  when: 'When',
  what: 'Event',
  PHASE: 'Phase entered',
  REVIEW_OPENED: 'Review opened',
  REVIEW_CLOSED: 'Review closed',
  INSPECTION: 'Inspection',
  REMINDER: 'Reminder',
  ESCALATION: 'Escalation',
};

export const PHASES_VI: Record<string, string> = PHASE_LABEL_VI;

const REVIEW_KINDS_VI: Record<string, string> = REVIEW_KIND_VI;

/** Field groups the seeded organisation uses; others show their code. */
const FIELDS_VI: Record<string, string> = {
  economy: 'Kinh tế',
  finance: 'Tài chính',
  'party-building': 'Xây dựng Đảng',
  society: 'Văn hóa - xã hội',
  agriculture: 'Nông nghiệp',
  digital: 'Chuyển đổi số',
};

const humanise = (code: string) => code.replace(/[_-]/g, ' ').toLowerCase();

export type Lang = 'vi' | 'en';
export type TextKey = keyof Dict;
const LANG_KEY = 'ap.lang';

interface I18n {
  lang: Lang;
  t: (key: TextKey) => string;
  phase: (phase: string) => string;
  reviewKind: (kind: string) => string;
  field: (field: string) => string;
  setLang: (lang: Lang) => void;
  date: (iso: string | null) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'vi');
  const dict = lang === 'en' ? en : vi;
  const value: I18n = {
    lang,
    t: (key) => dict[key] ?? key,
    phase: (p) => (lang === 'en' ? humanise(p) : (PHASES_VI[p] ?? p)),
    reviewKind: (k) => (lang === 'en' ? `${humanise(k)} review` : (REVIEW_KINDS_VI[k] ?? k)),
    field: (f) => (lang === 'en' ? humanise(f) : (FIELDS_VI[f] ?? f)),
    setLang: (l) => {
      localStorage.setItem(LANG_KEY, l);
      document.documentElement.lang = l;
      setLangState(l);
    },
    date: (iso) =>
      iso ? new Date(iso).toLocaleDateString(lang === 'en' ? 'en-GB' : 'vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }) : '—',
  };
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
