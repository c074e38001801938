/** The phases of an action programme (docs/programmes.md). */
export enum Phase {
  SURVEY = 'SURVEY',
  DRAFTING = 'DRAFTING',
  CONSULTATION = 'CONSULTATION',
  APPROVAL = 'APPROVAL',
  ISSUED = 'ISSUED',
  DISSEMINATION = 'DISSEMINATION',
  IMPLEMENTATION = 'IMPLEMENTATION',
  FINAL_REVIEW = 'FINAL_REVIEW',
  CLOSED = 'CLOSED',
  CANCELLED = 'CANCELLED',
  SUPERSEDED = 'SUPERSEDED',
}

/** The forward order; CONSULTATION may also go back to DRAFTING. */
export const PHASE_ORDER: readonly Phase[] = [
  Phase.SURVEY,
  Phase.DRAFTING,
  Phase.CONSULTATION,
  Phase.APPROVAL,
  Phase.ISSUED,
  Phase.DISSEMINATION,
  Phase.IMPLEMENTATION,
  Phase.FINAL_REVIEW,
  Phase.CLOSED,
];

export const TERMINAL_PHASES: readonly Phase[] = [Phase.CLOSED, Phase.CANCELLED, Phase.SUPERSEDED];

export function isTerminal(phase: Phase): boolean {
  return TERMINAL_PHASES.includes(phase);
}

export const PHASE_LABEL_VI: Record<Phase, string> = {
  SURVEY: 'Khảo sát thực tiễn',
  DRAFTING: 'Dự thảo',
  CONSULTATION: 'Lấy ý kiến',
  APPROVAL: 'Thông qua',
  ISSUED: 'Ban hành',
  DISSEMINATION: 'Quán triệt, triển khai',
  IMPLEMENTATION: 'Tổ chức thực hiện',
  FINAL_REVIEW: 'Tổng kết',
  CLOSED: 'Đã kết thúc',
  CANCELLED: 'Đã hủy',
  SUPERSEDED: 'Đã được thay thế',
};
