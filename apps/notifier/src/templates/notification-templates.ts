import { BREAKTHROUGH_PHASE_VI, localisePhrase, PHASE_LABEL_VI, Phase, VN_OFFSET_MS, vnDateOf } from '@app/domain';
import { NotificationKind } from '@app/notifications';

export type Params = Record<string, string | number | null>;
export type Language = 'vi' | 'en';
type Render = (p: Params) => { title: string; body: string };

/** Dates in Asia/Ho_Chi_Minh, as people there read them (dd/mm/yyyy). */
export function vnDate(iso: string | number | null | undefined): string {
  if (iso === null || iso === undefined || iso === '') return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  const [y, m, day] = vnDateOf(d).split('-');
  return `${day}/${m}/${y}`;
}

/** A date and time in Asia/Ho_Chi_Minh (HH:mm dd/mm/yyyy), for deadlines that fall within a day. */
export function vnDateTime(iso: string | number | null | undefined): string {
  const day = vnDate(iso);
  const d = new Date(iso ?? '');
  if (day === '—' || Number.isNaN(d.getTime())) return day;
  const local = new Date(d.getTime() + VN_OFFSET_MS);
  const hh = String(local.getUTCHours()).padStart(2, '0');
  const mm = String(local.getUTCMinutes()).padStart(2, '0');
  return `${hh}:${mm} ${day}`;
}

/** A value as text; a missing one shows as a dash rather than "undefined". */
const v = (x: string | number | null | undefined) => (x === null || x === undefined || x === '' ? '—' : String(x));
const phaseVi = (p: string | number | null) => PHASE_LABEL_VI[p as Phase] ?? BREAKTHROUGH_PHASE_VI[String(p)] ?? v(p);
/** Phrases workflows record in English (what is awaited, a review's headline), in the reader's language. */
const said = (x: string | number | null | undefined, lang: Language) =>
  typeof x === 'string' ? v(localisePhrase(x, lang)) : v(x);
/** The draft asked about: its version when the notice names one (rounds from before it was kept may not). */
const draftVi = (p: Params) => (isGiven(p.draftVersion) ? `dự thảo lần ${p.draftVersion} của` : 'dự thảo');
const draftEn = (p: Params) => (isGiven(p.draftVersion) ? `draft version ${p.draftVersion}` : 'the draft');
const isGiven = (x: string | number | null | undefined) => x !== null && x !== undefined && x !== '';
const approvedVi = (p: Params) => (p.approve === 'yes' ? 'được chấp thuận' : 'không được chấp thuận');
const approvedEn = (p: Params) => (p.approve === 'yes' ? 'approved' : 'refused');

const VI: Record<NotificationKind, Render> = {
  PROGRAMME_CREATED: (p) => ({
    title: `Chương trình mới: ${v(p.title)}`,
    body: `Chương trình "${v(p.title)}" đã được khởi tạo; đồng chí được phân công phụ trách.`,
  }),
  PHASE_CHANGED: (p) => ({
    title: `${v(p.title)}: chuyển sang ${phaseVi(p.to)}`,
    body: `Chương trình chuyển từ "${phaseVi(p.from)}" sang "${phaseVi(p.to)}". Hạn: ${vnDate(p.deadline)}.`,
  }),
  SURVEY_ASSIGNED: (p) => ({
    title: `Khảo sát thực tiễn: ${v(p.title)}`,
    body: `Đồng chí được phân công khảo sát; đề nghị gửi kết quả trước ${vnDate(p.deadline)}.`,
  }),
  DEADLINE_REMINDER: (p) => ({
    title: `Đôn đốc: ${v(p.title)}`,
    body: `Đề nghị hoàn thành "${p.what ? said(p.what, 'vi') : phaseVi(p.step)}" trước ${vnDate(p.deadline)}.`,
  }),
  DEADLINE_ESCALATION: (p) => ({
    title: `Quá hạn: ${v(p.title)}`,
    body: `Bước "${phaseVi(p.step)}" đã quá hạn ${vnDate(p.deadline)} (mức ${v(p.level)}). Còn chờ: ${said(p.what, 'vi')}.`,
  }),
  CONSULTATION_INVITATION: (p) => ({
    title: `Xin ý kiến dự thảo: ${v(p.title)}`,
    body: `Đề nghị đồng chí trực tiếp góp ý dự thảo (lần ${v(p.round)}) trước ${vnDate(p.deadline)}.`,
  }),
  CONSULTATION_REMINDER: (p) => ({
    title: `Nhắc góp ý dự thảo: ${v(p.title)}`,
    body:
      `Đồng chí chưa gửi ý kiến về ${draftVi(p)} chương trình "${v(p.title)}" (đợt lấy ý kiến thứ ${v(p.round)}). ` +
      `Hạn góp ý: ${vnDateTime(p.deadline)}. Đề nghị đồng chí trực tiếp góp ý trước thời hạn.`,
  }),
  DISSEMINATION_ACK_REQUEST: (p) => ({
    title: `Quán triệt: ${v(p.title)}`,
    body: `Hội nghị quán triệt ngày ${vnDate(p.heldOn)}. Đề nghị xác nhận đã tiếp thu.`,
  }),
  REVIEW_OPENED: (p) => ({
    title: `${v(p.period)}: ${v(p.title)}`,
    body: `Đề nghị báo cáo kết quả và số liệu chỉ tiêu trước ${vnDate(p.closesAt)}.`,
  }),
  REVIEW_CLOSED: (p) => ({
    title: `Kết quả ${v(p.period)}: ${v(p.title)}`,
    body: `Kết quả: ${said(p.headline, 'vi')}.`,
  }),
  PROGRAMME_CLOSED: (p) => ({
    title: `Tổng kết xong: ${v(p.title)}`,
    body: `Chương trình đã kết thúc. ${p.headline ? `Kết quả: ${said(p.headline, 'vi')}.` : ''}`.trim(),
  }),
  TASK_ASSIGNED: (p) => ({
    title: `Nhiệm vụ mới: ${v(p.title)}`,
    body: `Đồng chí được giao nhiệm vụ "${v(p.title)}", hạn hoàn thành ${vnDate(p.dueAt)}.${p.reason ? ` Lý do giao lại: ${p.reason}.` : ''}`,
  }),
  TASK_DUE_REMINDER: (p) => ({
    title: `Đôn đốc nhiệm vụ: ${v(p.title)}`,
    body: `Đề nghị hoàn thành nhiệm vụ "${v(p.title)}" trước ${vnDate(p.dueAt)}.`,
  }),
  TASK_OVERDUE_ESCALATION: (p) => ({
    title: `Nhiệm vụ quá hạn: ${v(p.title)}`,
    body: `Nhiệm vụ "${v(p.title)}" đã quá hạn ${vnDate(p.dueAt)} (mức ${v(p.level)}); đề nghị đồng chí chỉ đạo, đôn đốc.`,
  }),
  TASK_RETURNED: (p) => ({
    title: `Nhiệm vụ bị trả lại: ${v(p.title)}`,
    body: `Kết quả nhiệm vụ "${v(p.title)}" được trả lại để hoàn thiện. Lý do: ${v(p.reasons)}.`,
  }),
  EXTENSION_REQUESTED: (p) => ({
    title: `Đề nghị gia hạn: ${v(p.title)}`,
    body: `Đề nghị gia hạn nhiệm vụ "${v(p.title)}" đến ${vnDate(p.newDueAt)}. Lý do: ${v(p.reason)}.`,
  }),
  EXTENSION_DECIDED: (p) => ({
    title: `Gia hạn nhiệm vụ: ${v(p.title)}`,
    body: `Đề nghị gia hạn ${approvedVi(p)}; hạn hiện tại ${vnDate(p.dueAt)}. ${p.reason ? `Ý kiến: ${p.reason}.` : ''}`.trim(),
  }),
  CASCADE_OBLIGATION: (p) => ({
    title: `Yêu cầu ban hành văn bản thực hiện ${v(p.number)}`,
    body: `${v(p.unitName)} có trách nhiệm ban hành chương trình (kế hoạch) thực hiện ${v(p.number)} "${v(p.title)}" chậm nhất ngày ${vnDate(p.dueAt)}.`,
  }),
  CASCADE_REMINDER: (p) => ({
    title: `Đôn đốc ban hành văn bản thực hiện ${v(p.number)}`,
    body: `${v(p.unitName)} chưa ban hành chương trình (kế hoạch) thực hiện ${v(p.number)}; hạn ban hành ${vnDate(p.dueAt)}.`,
  }),
  CASCADE_ESCALATION: (p) => ({
    title: `Chậm ban hành văn bản thực hiện ${v(p.number)}`,
    body: `${v(p.unitName)} chưa ban hành chương trình (kế hoạch) thực hiện ${v(p.number)} "${v(p.title)}", đã quá hạn ${vnDate(p.dueAt)} (mức ${v(p.level)}); đề nghị đồng chí chỉ đạo, đôn đốc.`,
  }),
};

const EN: Record<NotificationKind, Render> = {
  PROGRAMME_CREATED: (p) => ({
    title: `New programme: ${v(p.title)}`,
    body: `Programme "${v(p.title)}" was created; you are the member in charge.`,
  }),
  PHASE_CHANGED: (p) => ({
    title: `${v(p.title)}: now ${v(p.to)}`,
    body: `The programme moved from ${v(p.from)} to ${v(p.to)}. Deadline: ${vnDate(p.deadline)}.`,
  }),
  SURVEY_ASSIGNED: (p) => ({
    title: `Survey: ${v(p.title)}`,
    body: `You are assigned to the survey; please submit your findings by ${vnDate(p.deadline)}.`,
  }),
  DEADLINE_REMINDER: (p) => ({
    title: `Reminder: ${v(p.title)}`,
    body: `Please complete "${p.what ? said(p.what, 'en') : v(p.step)}" by ${vnDate(p.deadline)}.`,
  }),
  DEADLINE_ESCALATION: (p) => ({
    title: `Overdue: ${v(p.title)}`,
    body: `Step ${v(p.step)} passed its deadline ${vnDate(p.deadline)} (level ${v(p.level)}). Still awaited: ${said(p.what, 'en')}.`,
  }),
  CONSULTATION_INVITATION: (p) => ({
    title: `Opinion requested: ${v(p.title)}`,
    body: `Please give your opinion on draft round ${v(p.round)} in person by ${vnDate(p.deadline)}.`,
  }),
  CONSULTATION_REMINDER: (p) => ({
    title: `Opinion still awaited: ${v(p.title)}`,
    body:
      `You have not yet given your opinion on ${draftEn(p)} of the programme "${v(p.title)}" (consultation round ${v(p.round)}). ` +
      `The deadline is ${vnDateTime(p.deadline)} (Vietnam time). Please give it in person before then.`,
  }),
  DISSEMINATION_ACK_REQUEST: (p) => ({
    title: `Dissemination: ${v(p.title)}`,
    body: `Conference held on ${vnDate(p.heldOn)}. Please acknowledge.`,
  }),
  REVIEW_OPENED: (p) => ({
    title: `${v(p.period)}: ${v(p.title)}`,
    body: `Please report results and target values by ${vnDate(p.closesAt)}.`,
  }),
  REVIEW_CLOSED: (p) => ({
    title: `${v(p.period)} results: ${v(p.title)}`,
    body: `Result: ${said(p.headline, 'en')}.`,
  }),
  PROGRAMME_CLOSED: (p) => ({
    title: `Closed: ${v(p.title)}`,
    body: `The programme is closed. ${p.headline ? `Result: ${said(p.headline, 'en')}.` : ''}`.trim(),
  }),
  TASK_ASSIGNED: (p) => ({
    title: `New task: ${v(p.title)}`,
    body: `You were assigned "${v(p.title)}", due ${vnDate(p.dueAt)}.${p.reason ? ` Reassigned because: ${p.reason}.` : ''}`,
  }),
  TASK_DUE_REMINDER: (p) => ({
    title: `Task reminder: ${v(p.title)}`,
    body: `Please complete "${v(p.title)}" by ${vnDate(p.dueAt)}.`,
  }),
  TASK_OVERDUE_ESCALATION: (p) => ({
    title: `Task overdue: ${v(p.title)}`,
    body: `Task "${v(p.title)}" passed its due date ${vnDate(p.dueAt)} (level ${v(p.level)}); please follow it up.`,
  }),
  TASK_RETURNED: (p) => ({
    title: `Task returned: ${v(p.title)}`,
    body: `The result of "${v(p.title)}" was returned for rework. Reason: ${v(p.reasons)}.`,
  }),
  EXTENSION_REQUESTED: (p) => ({
    title: `Extension requested: ${v(p.title)}`,
    body: `An extension of "${v(p.title)}" to ${vnDate(p.newDueAt)} is requested. Reason: ${v(p.reason)}.`,
  }),
  EXTENSION_DECIDED: (p) => ({
    title: `Extension: ${v(p.title)}`,
    body: `The extension was ${approvedEn(p)}; the task is due ${vnDate(p.dueAt)}. ${p.reason ? `Comment: ${p.reason}.` : ''}`.trim(),
  }),
  CASCADE_OBLIGATION: (p) => ({
    title: `To issue: a programme implementing ${v(p.number)}`,
    body: `${v(p.unitName)} is to issue its programme (or plan) implementing ${v(p.number)} "${v(p.title)}" by ${vnDate(p.dueAt)}.`,
  }),
  CASCADE_REMINDER: (p) => ({
    title: `Reminder: programme implementing ${v(p.number)}`,
    body: `${v(p.unitName)} has not yet issued its programme (or plan) implementing ${v(p.number)}; it is due ${vnDate(p.dueAt)}.`,
  }),
  CASCADE_ESCALATION: (p) => ({
    title: `Late: programme implementing ${v(p.number)}`,
    body: `${v(p.unitName)} has not issued its programme (or plan) implementing ${v(p.number)} "${v(p.title)}", due ${vnDate(p.dueAt)} (level ${v(p.level)}); please follow it up.`,
  }),
};

export const languageOf = (locale: string | null | undefined): Language => (locale === 'en' ? 'en' : 'vi');

/**
 * A notice about a restricted programme ("Mật") carries no content on any channel: a generic sentence and
 * the link where those who read the programme find what it is about.
 */
export const RESTRICTED_NOTICE: Record<Language, string> = {
  vi: 'Có thông báo mới về một chương trình mật',
  en: 'There is a new notice about a restricted programme',
};

/** The params of a restricted programme's notice: the flag and the link, nothing else. */
export function restrictedParams(programmeId: string): Params {
  return { restricted: 'yes', link: `/programmes/${programmeId}` };
}

export function renderNotification(
  kind: NotificationKind,
  locale: string,
  params: Params,
): { title: string; body: string } {
  const language = languageOf(locale);
  if (params.restricted === 'yes') {
    const title = RESTRICTED_NOTICE[language];
    const see = language === 'en' ? 'Sign in to read it' : 'Đăng nhập để xem';
    return { title, body: `${title}. ${see}: ${v(params.link)}` };
  }
  return (language === 'en' ? EN : VI)[kind](params);
}
