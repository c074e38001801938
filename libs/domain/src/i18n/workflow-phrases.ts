/**
 * Phrases the workflows record in English (phase-history reasons, what a reminder asks for, review
 * headlines) as keys with Vietnamese and English text. Running workflows keep recording the strings
 * they always have (changing them would need `patched`); readers turn each recorded string back
 * into its key and parameters here and see it in their own language. A string that matches no key
 * is a person's own words (a cancellation reason) and is shown as written.
 */
export type PhraseLanguage = 'vi' | 'en';

type Params = Record<string, string>;

interface PhraseDef {
  /** The string as workflows record it; named groups are the parameters. */
  recorded: RegExp;
  vi: (p: Params) => string;
  en: (p: Params) => string;
}

const fixed = (recorded: string, vi: string, en: string): PhraseDef => ({
  recorded: new RegExp(`^${recorded.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
  vi: () => vi,
  en: () => en,
});

export const WORKFLOW_PHRASES = {
  // Reasons of phase changes (programme phase history)
  'phase.created': fixed('created', 'Khởi tạo chương trình', 'Programme created'),
  'phase.surveyClosed': fixed('survey closed', 'Kết thúc khảo sát thực tiễn', 'Survey closed'),
  'phase.issued': {
    recorded: /^issued as (?<number>.+)$/s,
    vi: (p) => `Ban hành, số ${p.number}`,
    en: (p) => `Issued as ${p.number}`,
  },
  'phase.disseminated': fixed(
    'dissemination conference held',
    'Đã tổ chức hội nghị quán triệt',
    'Dissemination conference held',
  ),
  'phase.consultationOpened': {
    recorded: /^consultation round (?<no>\d+) opened$/,
    vi: (p) => `Mở lấy ý kiến dự thảo lần ${p.no}`,
    en: (p) => `Consultation round ${p.no} opened`,
  },
  'phase.consultationClosed': {
    recorded: /^consultation round (?<no>\d+) closed$/,
    vi: (p) => `Kết thúc lấy ý kiến dự thảo lần ${p.no}`,
    en: (p) => `Consultation round ${p.no} closed`,
  },
  'phase.submitted': fixed('submitted for approval', 'Trình thông qua', 'Submitted for approval'),
  'phase.approved': fixed('approved', 'Được thông qua', 'Approved'),
  'phase.sentBack': {
    recorded: /^sent back: (?<reasons>.*)$/s,
    vi: (p) => `Trả lại để hoàn thiện: ${p.reasons}`,
    en: (p) => `Sent back: ${p.reasons}`,
  },
  'phase.finalReviewCompleted': fixed('final review completed', 'Hoàn thành tổng kết', 'Final review completed'),
  'phase.termEnded': fixed('term ended', 'Hết nhiệm kỳ', 'Term ended'),

  // What a reminder or the live state says is awaited
  'awaiting.reviewReport': fixed('review report', 'báo cáo sơ kết', 'review report'),
  'awaiting.registerBreakthrough': fixed(
    'register breakthrough tasks',
    'đăng ký việc đột phá',
    'register breakthrough tasks',
  ),
  'awaiting.appraiseRegistrations': {
    recorded: /^appraise (?<count>\d+) registrations$/,
    vi: (p) => `thẩm định ${p.count} đăng ký việc đột phá`,
    en: (p) => `appraise ${p.count} registrations`,
  },
  'awaiting.reviseYourRegistration': fixed(
    'revise your registration',
    'hoàn thiện đăng ký việc đột phá',
    'revise your registration',
  ),
  'awaiting.reviseRegistration': {
    recorded: /^revise the registration: (?<comments>.*)$/s,
    vi: (p) => `hoàn thiện đăng ký việc đột phá: ${p.comments}`,
    en: (p) => `revise the registration: ${p.comments}`,
  },
  'awaiting.assignSurveyors': fixed('assign surveyors', 'phân công khảo sát thực tiễn', 'assign surveyors'),
  'awaiting.surveyFindings': fixed('survey findings', 'kết quả khảo sát thực tiễn', 'survey findings'),
  'awaiting.firstDraft': fixed('first draft', 'dự thảo đầu tiên', 'first draft'),
  'awaiting.nextDraft': fixed(
    'next draft, consultation or submission for approval',
    'dự thảo tiếp theo, lấy ý kiến hoặc trình thông qua',
    'next draft, consultation or submission for approval',
  ),
  'awaiting.opinions': fixed('opinions on the draft', 'ý kiến góp ý dự thảo', 'opinions on the draft'),
  'awaiting.approval': fixed('approval', 'thông qua', 'approval'),
  'awaiting.issuance': fixed(
    'issuance details (number, targets, tasks)',
    'nội dung ban hành (số hiệu, chỉ tiêu, nhiệm vụ)',
    'issuance details (number, targets, tasks)',
  ),
  'awaiting.dissemination': fixed(
    'dissemination conference by the head',
    'hội nghị quán triệt do người đứng đầu chủ trì',
    'dissemination conference by the head',
  ),
  'awaiting.reviewReports': {
    recorded: /^reports for (?<period>.+)$/s,
    vi: (p) => `báo cáo kỳ ${p.period}`,
    en: (p) => `reports for ${p.period}`,
  },
  'awaiting.implementation': fixed('implementation', 'tổ chức thực hiện', 'implementation'),
  'awaiting.finalReports': fixed('final reports', 'báo cáo tổng kết', 'final reports'),
  'awaiting.evaluations': fixed(
    'evaluations and closing',
    'đánh giá, kết thúc chương trình',
    'evaluations and closing',
  ),
  'awaiting.nothing': fixed('nothing', 'không còn việc chờ', 'nothing'),

  // Headlines of closed reviews and breakthrough cycles
  'headline.targets': {
    recorded: /^(?<done>\d+)\/(?<total>\d+) achieved or exceeded$/,
    vi: (p) => `${p.done}/${p.total} chỉ tiêu đạt và vượt`,
    en: (p) => `${p.done}/${p.total} achieved or exceeded`,
  },
  'headline.breakthrough': {
    recorded: /^(?<done>\d+)\/(?<total>\d+) done on time$/,
    vi: (p) => `${p.done}/${p.total} việc đột phá hoàn thành đúng hạn`,
    en: (p) => `${p.done}/${p.total} done on time`,
  },
} satisfies Record<string, PhraseDef>;

export type PhraseCode = keyof typeof WORKFLOW_PHRASES;

const DEFS = Object.entries(WORKFLOW_PHRASES) as Array<[PhraseCode, PhraseDef]>;

/** The key and parameters of a string a workflow recorded, or null for anything else. */
export function phraseOf(recorded: string): { code: PhraseCode; params: Params } | null {
  for (const [code, def] of DEFS) {
    const m = def.recorded.exec(recorded);
    if (m) return { code, params: { ...(m.groups ?? {}) } };
  }
  return null;
}

export function renderPhrase(code: PhraseCode, params: Params, lang: PhraseLanguage): string {
  return (WORKFLOW_PHRASES[code] as PhraseDef)[lang](params);
}

/** A recorded string in the reader's language; a person's own words (no key matches) as written. */
export function localisePhrase<T extends string | null | undefined>(recorded: T, lang: PhraseLanguage): T | string {
  if (typeof recorded !== 'string') return recorded;
  const phrase = phraseOf(recorded);
  return phrase ? renderPhrase(phrase.code, phrase.params, lang) : recorded;
}

/** Breakthrough cycle phases as reminders name their step. */
export const BREAKTHROUGH_PHASE_VI: Record<string, string> = {
  REGISTRATION: 'Đăng ký việc đột phá',
  APPRAISAL: 'Thẩm định đăng ký',
  IMPLEMENTATION: 'Tổ chức thực hiện',
  CLOSED: 'Đã kết thúc',
};
