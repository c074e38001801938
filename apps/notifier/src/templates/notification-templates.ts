import { PHASE_LABEL_VI, Phase, vnDateOf } from '@app/domain';
import { NotificationKind } from '@app/notifications';

type Params = Record<string, string | number | null>;
type Render = (p: Params) => { title: string; body: string };

/** Dates in Asia/Ho_Chi_Minh, as people there read them (dd/mm/yyyy). */
function vnDate(iso: string | number | null): string {
  if (iso === null || iso === undefined || iso === '') return '—';
  const d = vnDateOf(new Date(iso));
  const [y, m, day] = d.split('-');
  return `${day}/${m}/${y}`;
}

const phaseVi = (p: string | number | null) => PHASE_LABEL_VI[p as Phase] ?? String(p ?? '');

const VI: Record<NotificationKind, Render> = {
  PROGRAMME_CREATED: (p) => ({ title: `Chương trình mới: ${p.title}`, body: `Chương trình "${p.title}" đã được khởi tạo; đồng chí được phân công phụ trách.` }),
  PHASE_CHANGED: (p) => ({ title: `${p.title}: chuyển sang ${phaseVi(p.to)}`, body: `Chương trình chuyển từ "${phaseVi(p.from)}" sang "${phaseVi(p.to)}". Hạn: ${vnDate(p.deadline)}.` }),
  SURVEY_ASSIGNED: (p) => ({ title: `Khảo sát thực tiễn: ${p.title}`, body: `Đồng chí được phân công khảo sát; đề nghị gửi kết quả trước ${vnDate(p.deadline)}.` }),
  DEADLINE_REMINDER: (p) => ({ title: `Đôn đốc: ${p.title}`, body: `Đề nghị hoàn thành "${p.what ?? phaseVi(p.step)}" trước ${vnDate(p.deadline)}.` }),
  DEADLINE_ESCALATION: (p) => ({ title: `Quá hạn: ${p.title}`, body: `Bước "${phaseVi(p.step)}" đã quá hạn ${vnDate(p.deadline)} (mức ${p.level}). Còn chờ: ${p.what}.` }),
  CONSULTATION_INVITATION: (p) => ({ title: `Xin ý kiến dự thảo: ${p.title}`, body: `Đề nghị đồng chí trực tiếp góp ý dự thảo (lần ${p.round}) trước ${vnDate(p.deadline)}.` }),
  DISSEMINATION_ACK_REQUEST: (p) => ({ title: `Quán triệt: ${p.title}`, body: `Hội nghị quán triệt ngày ${vnDate(p.heldOn)}. Đề nghị xác nhận đã tiếp thu.` }),
  REVIEW_OPENED: (p) => ({ title: `${p.period}: ${p.title}`, body: `Đề nghị báo cáo kết quả và số liệu chỉ tiêu trước ${vnDate(p.closesAt)}.` }),
  REVIEW_CLOSED: (p) => ({ title: `Kết quả ${p.period}: ${p.title}`, body: `Kết quả: ${p.headline}.` }),
  PROGRAMME_CLOSED: (p) => ({ title: `Tổng kết xong: ${p.title}`, body: `Chương trình đã kết thúc. ${p.headline ?? ''}`.trim() }),
};

const EN: Record<NotificationKind, Render> = {
  PROGRAMME_CREATED: (p) => ({ title: `New programme: ${p.title}`, body: `Programme "${p.title}" was created; you are the member in charge.` }),
  PHASE_CHANGED: (p) => ({ title: `${p.title}: now ${p.to}`, body: `The programme moved from ${p.from} to ${p.to}. Deadline: ${vnDate(p.deadline)}.` }),
  SURVEY_ASSIGNED: (p) => ({ title: `Survey: ${p.title}`, body: `You are assigned to the survey; please submit your findings by ${vnDate(p.deadline)}.` }),
  DEADLINE_REMINDER: (p) => ({ title: `Reminder: ${p.title}`, body: `Please complete "${p.what ?? p.step}" by ${vnDate(p.deadline)}.` }),
  DEADLINE_ESCALATION: (p) => ({ title: `Overdue: ${p.title}`, body: `Step ${p.step} passed its deadline ${vnDate(p.deadline)} (level ${p.level}). Still awaited: ${p.what}.` }),
  CONSULTATION_INVITATION: (p) => ({ title: `Opinion requested: ${p.title}`, body: `Please give your opinion on draft round ${p.round} in person by ${vnDate(p.deadline)}.` }),
  DISSEMINATION_ACK_REQUEST: (p) => ({ title: `Dissemination: ${p.title}`, body: `Conference held on ${vnDate(p.heldOn)}. Please acknowledge.` }),
  REVIEW_OPENED: (p) => ({ title: `${p.period}: ${p.title}`, body: `Please report results and target values by ${vnDate(p.closesAt)}.` }),
  REVIEW_CLOSED: (p) => ({ title: `${p.period} results: ${p.title}`, body: `Result: ${p.headline}.` }),
  PROGRAMME_CLOSED: (p) => ({ title: `Closed: ${p.title}`, body: `The programme is closed. ${p.headline ?? ''}`.trim() }),
};

export function renderNotification(kind: NotificationKind, locale: string, params: Params): { title: string; body: string } {
  return (locale === 'en' ? EN : VI)[kind](params);
}
