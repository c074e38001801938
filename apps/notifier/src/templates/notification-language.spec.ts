import { englishWordsIn } from '@app/domain';
import { NotificationKind } from '@app/notifications';
import { type Params, renderNotification } from './notification-templates';

/**
 * No English inside a Vietnamese notice: every kind rendered with the parameters workflows really
 * send, including the phrases they record in English (what is awaited, a review's headline).
 */
describe('Vietnamese notices carry no English', () => {
  const base = {
    title: 'Chương trình hành động thực hiện Nghị quyết 05-NQ/TU',
    deadline: '2026-03-31T17:00:00Z',
    dueAt: '2026-03-31T17:00:00Z',
    newDueAt: '2026-04-30T17:00:00Z',
    level: 1,
    round: 2,
    heldOn: '2026-01-02T01:00:00Z',
    period: 'Quý I/2026',
    closesAt: '2026-04-10T01:00:00Z',
    from: 'CONSULTATION',
    to: 'APPROVAL',
    reason: 'thiếu số liệu',
    reasons: 'thiếu số liệu',
    approve: 'no',
    number: '05-NQ/TU',
    unitName: 'Đảng ủy xã Vị Thanh',
  };
  /** What workflows send as `what`, `step` and `headline`, each as recorded. */
  const variants: Params[] = [
    { step: 'SURVEY', what: 'survey findings', headline: '25/30 achieved or exceeded' },
    { step: 'Quý I/2026', what: 'review report', headline: '0/0 achieved or exceeded' },
    { step: 'REGISTRATION', what: 'register breakthrough tasks', headline: '3/4 done on time' },
    { step: 'APPRAISAL', what: 'appraise 7 registrations' },
    { step: 'APPRAISAL', what: 'revise your registration' },
    { step: 'APPRAISAL', what: 'revise the registration: bổ sung nguồn lực' },
    { step: 'IMPLEMENTATION', what: 'reports for 2026' },
    { step: 'FINAL_REVIEW', what: 'evaluations and closing' },
    { step: 'APPROVAL', what: 'approval' },
    { step: 'ISSUED', what: 'issuance details (number, targets, tasks)' },
    { step: 'DISSEMINATION', what: 'dissemination conference by the head' },
    { step: 'DRAFTING', what: 'next draft, consultation or submission for approval' },
    { step: 'CONSULTATION', what: 'opinions on the draft' },
    {},
  ];

  it.each(Object.values(NotificationKind))('%s has a Vietnamese and an English template', (kind) => {
    const vi = renderNotification(kind, 'vi', { ...base, ...variants[0] });
    const en = renderNotification(kind, 'en', { ...base, ...variants[0] });
    expect(vi.title.length).toBeGreaterThan(3);
    expect(en.title.length).toBeGreaterThan(3);
    expect(`${vi.title} ${vi.body}`).not.toBe(`${en.title} ${en.body}`);
  });

  it.each(Object.values(NotificationKind))('%s in Vietnamese contains no English word', (kind) => {
    for (const variant of variants) {
      const { title, body } = renderNotification(kind, 'vi', { ...base, ...variant });
      expect({ variant, words: englishWordsIn(`${title} ${body}`) }).toEqual({ variant, words: [] });
    }
  });

  it('says what a review reminder asks for in Vietnamese', () => {
    const { body } = renderNotification(NotificationKind.DEADLINE_REMINDER, 'vi', {
      ...base,
      step: 'Quý I/2026',
      what: 'review report',
    });
    expect(body).toBe('Đề nghị hoàn thành "báo cáo sơ kết" trước 01/04/2026.');
    expect(
      renderNotification(NotificationKind.DEADLINE_REMINDER, 'vi', { ...base, what: 'register breakthrough tasks' })
        .body,
    ).toContain('"đăng ký việc đột phá"');
    expect(
      renderNotification(NotificationKind.REVIEW_CLOSED, 'vi', { ...base, headline: '25/30 achieved or exceeded' })
        .body,
    ).toBe('Kết quả: 25/30 chỉ tiêu đạt và vượt.');
  });
});
