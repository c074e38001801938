import { Achievement, summariseAchievement } from '../targets/target-achievement';
import { englishWordsIn } from './english-words';
import { localisePhrase, phraseOf, PhraseCode, renderPhrase, WORKFLOW_PHRASES } from './workflow-phrases';

/** One string per key, exactly as workflows record it. */
const RECORDED: Record<PhraseCode, string> = {
  'phase.created': 'created',
  'phase.surveyClosed': 'survey closed',
  'phase.issued': 'issued as 123-CTr/TU',
  'phase.disseminated': 'dissemination conference held',
  'phase.consultationOpened': 'consultation round 2 opened',
  'phase.consultationClosed': 'consultation round 2 closed',
  'phase.submitted': 'submitted for approval',
  'phase.approved': 'approved',
  'phase.sentBack': 'sent back: chưa rõ nguồn lực',
  'phase.finalReviewCompleted': 'final review completed',
  'phase.termEnded': 'term ended',
  'awaiting.reviewReport': 'review report',
  'awaiting.registerBreakthrough': 'register breakthrough tasks',
  'awaiting.appraiseRegistrations': 'appraise 12 registrations',
  'awaiting.reviseYourRegistration': 'revise your registration',
  'awaiting.reviseRegistration': 'revise the registration: bổ sung chỉ tiêu',
  'awaiting.assignSurveyors': 'assign surveyors',
  'awaiting.surveyFindings': 'survey findings',
  'awaiting.firstDraft': 'first draft',
  'awaiting.nextDraft': 'next draft, consultation or submission for approval',
  'awaiting.opinions': 'opinions on the draft',
  'awaiting.approval': 'approval',
  'awaiting.issuance': 'issuance details (number, targets, tasks)',
  'awaiting.dissemination': 'dissemination conference by the head',
  'awaiting.reviewReports': 'reports for Quý III/2026',
  'awaiting.implementation': 'implementation',
  'awaiting.finalReports': 'final reports',
  'awaiting.evaluations': 'evaluations and closing',
  'awaiting.nothing': 'nothing',
  'headline.targets': '25/30 achieved or exceeded',
  'headline.breakthrough': '3/4 done on time',
};

describe('workflow phrases', () => {
  it.each(Object.keys(WORKFLOW_PHRASES) as PhraseCode[])(
    '%s: the recorded English string maps back to its key, and its Vietnamese has no English inside',
    (code) => {
      const phrase = phraseOf(RECORDED[code]);
      expect(phrase?.code).toBe(code);
      const vi = renderPhrase(code, phrase!.params, 'vi');
      expect(englishWordsIn(vi)).toEqual([]);
      expect(vi).not.toBe(renderPhrase(code, phrase!.params, 'en'));
    },
  );

  it('keeps the parameters: numbers, periods and the words a person wrote', () => {
    expect(localisePhrase('consultation round 3 opened', 'vi')).toBe('Mở lấy ý kiến dự thảo lần 3');
    expect(localisePhrase('sent back: chưa rõ nguồn lực', 'vi')).toBe('Trả lại để hoàn thiện: chưa rõ nguồn lực');
    expect(localisePhrase('reports for Quý III/2026', 'vi')).toBe('báo cáo kỳ Quý III/2026');
    expect(localisePhrase('issued as 05-CTr/TU', 'en')).toBe('Issued as 05-CTr/TU');
  });

  it('leaves a person’s own words (a cancellation reason) and missing values as they are', () => {
    expect(localisePhrase('Sáp nhập tỉnh theo Nghị quyết 202/2025/QH15', 'vi')).toBe(
      'Sáp nhập tỉnh theo Nghị quyết 202/2025/QH15',
    );
    expect(localisePhrase(null, 'vi')).toBeNull();
    expect(localisePhrase(undefined, 'en')).toBeUndefined();
  });

  it('reads the headline the domain writes for a closed review', () => {
    const { headline } = summariseAchievement([Achievement.ACHIEVED, Achievement.EXCEEDED, Achievement.NOT_ACHIEVED]);
    expect(localisePhrase(headline, 'vi')).toBe('2/3 chỉ tiêu đạt và vượt');
  });

  it('finds English words inside Vietnamese text, and none in plain Vietnamese', () => {
    expect(englishWordsIn('Đôn đốc: nộp review report trước hạn')).toEqual(['review', 'report']);
    expect(englishWordsIn('Đề nghị hoàn thành "báo cáo sơ kết" trước 01/04/2025 (05-NQ/TU).')).toEqual([]);
  });
});
