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
  DEADLINE_REMINDER: (p) => ({ title: `Đôn đốc: ${p.title}`, body: `Đề nghị hoàn thành "${p.what ?? phaseVi(p.step)}" trước ${vnDate(p.deadline)}.` }),
  DEADLINE_ESCALATION: (p) => ({ title: `Quá hạn: ${p.title}`, body: `Bước "${phaseVi(p.step)}" đã quá hạn ${vnDate(p.deadline)} (mức ${p.level}). Còn chờ: ${p.what}.` }),
  CONSULTATION_INVITATION: (p) => ({ title: `Xin ý kiến dự thảo: ${p.title}`, body: `Đề nghị đồng chí trực tiếp góp ý dự thảo (lần ${p.round}) trước ${vnDate(p.deadline)}.` }),
  DISSEMINATION_ACK_REQUEST: (p) => ({ title: `Quán triệt: ${p.title}`, body: `Hội nghị quán triệt ngày ${vnDate(p.heldOn)}. Đề nghị xác nhận đã tiếp thu.` }),
  REVIEW_OPENED: (p) => ({ title: `${p.period}: ${p.title}`, body: `Đề nghị báo cáo kết quả và số liệu chỉ tiêu trước ${vnDate(p.closesAt)}.` }),
  REVIEW_CLOSED: (p) => ({ title: `Kết quả ${p.period}: ${p.title}`, body: `Kết quả: ${p.headline}.` }),
  PROGRAMME_CLOSED: (p) => ({ title: `Tổng kết xong: ${p.title}`, body: `Chương trình đã kết thúc. ${p.headline ?? ''}`.trim() }),
  TASK_ASSIGNED: (p) => ({ title: `Nhiệm vụ mới: ${p.title}`, body: `Đồng chí được phân công thực hiện nhiệm vụ "${p.title}", hạn ${vnDate(p.dueAt)}.` }),
  TASK_DUE_REMINDER: (p) => ({ title: `Đôn đốc nhiệm vụ: ${p.title}`, body: `Đề nghị hoàn thành nhiệm vụ "${p.title}" trước ${vnDate(p.dueAt)}.` }),
  TASK_OVERDUE_ESCALATION: (p) => ({ title: `Nhiệm vụ quá hạn: ${p.title}`, body: `Nhiệm vụ "${p.title}" đã quá hạn ${vnDate(p.dueAt)} (mức ${p.level}); đề nghị đồng chí chỉ đạo, đôn đốc.` }),
  TASK_RETURNED: (p) => ({ title: `Trả lại kết quả: ${p.title}`, body: `Kết quả nhiệm vụ "${p.title}" được trả lại: ${p.reasons}.` }),
  EXTENSION_REQUESTED: (p) => ({ title: `Đề nghị gia hạn: ${p.title}`, body: `Đề nghị gia hạn nhiệm vụ "${p.title}" đến ${vnDate(p.newDueAt)}. Lý do: ${p.reason}.` }),
  EXTENSION_DECIDED: (p) => ({ title: `Kết quả gia hạn: ${p.title}`, body: `${p.approve === 'yes' ? 'Đồng ý' : 'Không đồng ý'} gia hạn; hạn hiện tại ${vnDate(p.dueAt)}. ${p.reason ?? ''}`.trim() }),
};

const EN: Record<NotificationKind, Render> = {
  PROGRAMME_CREATED: (p) => ({ title: `New programme: ${p.title}`, body: `Programme "${p.title}" was created; you are the member in charge.` }),
  PHASE_CHANGED: (p) => ({ title: `${p.title}: now ${p.to}`, body: `The programme moved from ${p.from} to ${p.to}. Deadline: ${vnDate(p.deadline)}.` }),
  DEADLINE_REMINDER: (p) => ({ title: `Reminder: ${p.title}`, body: `Please complete "${p.what ?? p.step}" by ${vnDate(p.deadline)}.` }),
  DEADLINE_ESCALATION: (p) => ({ title: `Overdue: ${p.title}`, body: `Step ${p.step} passed its deadline ${vnDate(p.deadline)} (level ${p.level}). Still awaited: ${p.what}.` }),
  CONSULTATION_INVITATION: (p) => ({ title: `Opinion requested: ${p.title}`, body: `Please give your opinion on draft round ${p.round} in person by ${vnDate(p.deadline)}.` }),
  DISSEMINATION_ACK_REQUEST: (p) => ({ title: `Dissemination: ${p.title}`, body: `Conference held on ${vnDate(p.heldOn)}. Please acknowledge.` }),
  REVIEW_OPENED: (p) => ({ title: `${p.period}: ${p.title}`, body: `Please report results and target values by ${vnDate(p.closesAt)}.` }),
  REVIEW_CLOSED: (p) => ({ title: `${p.period} results: ${p.title}`, body: `Result: ${p.headline}.` }),
  PROGRAMME_CLOSED: (p) => ({ title: `Closed: ${p.title}`, body: `The programme is closed. ${p.headline ?? ''}`.trim() }),
  TASK_ASSIGNED: (p) => ({ title: `New task: ${p.title}`, body: `You are responsible for "${p.title}", due ${vnDate(p.dueAt)}.` }),
  TASK_DUE_REMINDER: (p) => ({ title: `Task reminder: ${p.title}`, body: `Please complete "${p.title}" by ${vnDate(p.dueAt)}.` }),
  TASK_OVERDUE_ESCALATION: (p) => ({ title: `Task overdue: ${p.title}`, body: `"${p.title}" passed its due date ${vnDate(p.dueAt)} (level ${p.level}); please follow it up.` }),
  TASK_RETURNED: (p) => ({ title: `Result returned: ${p.title}`, body: `The result of "${p.title}" was returned: ${p.reasons}.` }),
  EXTENSION_REQUESTED: (p) => ({ title: `Extension requested: ${p.title}`, body: `An extension of "${p.title}" to ${vnDate(p.newDueAt)} is requested. Reason: ${p.reason}.` }),
  EXTENSION_DECIDED: (p) => ({ title: `Extension ${p.approve === 'yes' ? 'approved' : 'refused'}: ${p.title}`, body: `The task is now due ${vnDate(p.dueAt)}. ${p.reason ?? ''}`.trim() }),
};

export function renderNotification(kind: NotificationKind, locale: string, params: Params): { title: string; body: string } {
  return (locale === 'en' ? EN : VI)[kind](params);
}
