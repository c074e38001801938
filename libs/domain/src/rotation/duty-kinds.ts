/**
 * The open duties a person can hold, by kind, and which workflow carries each: what a rotation
 * (luân chuyển cán bộ) lists and moves to a successor. Pure: shared by the API and the workflows.
 */

/** Duties a programme workflow holds in its state. */
export const PROGRAMME_DUTY_KINDS = [
  'MEMBER_IN_CHARGE',
  'ISSUING_HEAD',
  'STEERING_COMMITTEE_HEAD',
  'STEERING_COMMITTEE_MEMBER',
  'CONSULTATION_INVITATION',
  'SURVEY_ASSIGNMENT',
  'DISSEMINATION_AUDIENCE',
  'REVIEW_REPORTS',
] as const;

/** Duties a task workflow holds: its responsible person, its assigner, its member in charge. */
export const TASK_DUTY_KINDS = ['TASK_RESPONSIBLE', 'TASK_ASSIGNER', 'TASK_MEMBER_IN_CHARGE'] as const;

/** Duties a breakthrough cycle holds: appraising, open registrations, its member in charge. */
export const CYCLE_DUTY_KINDS = [
  'BREAKTHROUGH_APPRAISER',
  'BREAKTHROUGH_REGISTRATION',
  'BREAKTHROUGH_MEMBER_IN_CHARGE',
] as const;

export type ProgrammeDutyKind = (typeof PROGRAMME_DUTY_KINDS)[number];
export type TaskDutyKind = (typeof TASK_DUTY_KINDS)[number];
export type CycleDutyKind = (typeof CYCLE_DUTY_KINDS)[number];
export type DutyKind = ProgrammeDutyKind | TaskDutyKind | CycleDutyKind;

/** Every kind, in the order a listing shows them. */
export const DUTY_KINDS: readonly DutyKind[] = [...PROGRAMME_DUTY_KINDS, ...TASK_DUTY_KINDS, ...CYCLE_DUTY_KINDS];

export function isDutyKind(value: unknown): value is DutyKind {
  return typeof value === 'string' && (DUTY_KINDS as readonly string[]).includes(value);
}

/** Vietnamese first: what a listing calls each kind. */
export const DUTY_KIND_LABEL_VI: Record<DutyKind, string> = {
  MEMBER_IN_CHARGE: 'Đồng chí phụ trách chương trình',
  ISSUING_HEAD: 'Người đứng đầu cấp ủy ban hành',
  STEERING_COMMITTEE_HEAD: 'Trưởng ban chỉ đạo',
  STEERING_COMMITTEE_MEMBER: 'Thành viên ban chỉ đạo',
  CONSULTATION_INVITATION: 'Được lấy ý kiến (chưa góp ý)',
  SURVEY_ASSIGNMENT: 'Được phân công khảo sát (chưa nộp kết quả)',
  DISSEMINATION_AUDIENCE: 'Được quán triệt (chưa xác nhận)',
  REVIEW_REPORTS: 'Báo cáo sơ kết, tổng kết phải nộp',
  TASK_RESPONSIBLE: 'Chủ trì thực hiện nhiệm vụ',
  TASK_ASSIGNER: 'Người giao nhiệm vụ',
  TASK_MEMBER_IN_CHARGE: 'Đồng chí phụ trách nhiệm vụ',
  BREAKTHROUGH_APPRAISER: 'Thẩm định việc đột phá',
  BREAKTHROUGH_REGISTRATION: 'Đăng ký việc đột phá (chờ thẩm định)',
  BREAKTHROUGH_MEMBER_IN_CHARGE: 'Đồng chí phụ trách đợt việc đột phá',
};

/** One duty a workflow's state gives a person; `ref` says which part (a task code, a round, a registration). */
export interface HeldDuty<K extends DutyKind = DutyKind> {
  kind: K;
  ref: string | null;
}

/** What every transfer update carries: whose duties, to whom, why, and which kinds (all the workflow holds when absent). */
export interface DutyTransferPayload<K extends DutyKind = DutyKind> {
  fromPersonId: string;
  toPersonId: string;
  /** The successor's unit, where a duty names a unit as well (a task's responsible unit); unchanged when absent. */
  toUnitId?: string;
  reason: string;
  kinds?: K[];
  /** The rotation's own request id, so each workflow's history names the rotation it was part of. */
  transferId: string;
}

/** What a transfer update answers: the duties it moved; a retry of an applied request id moves nothing again. */
export interface DutyTransferResult {
  /** False when this request id had had its effect already (the answer to a retry). */
  applied: boolean;
  moved: HeldDuty[];
  version: number;
}
