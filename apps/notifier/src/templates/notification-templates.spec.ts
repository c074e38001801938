import { NotificationKind } from '@app/notifications';
import { digestEmail, notificationEmail } from './email-templates';
import { renderNotification, RESTRICTED_NOTICE, restrictedParams, vnDate } from './notification-templates';

describe('notification templates', () => {
  const params = {
    title: 'CTr 123',
    programmeTitle: 'CTr 123',
    deadline: '2025-03-31T17:00:00Z',
    dueAt: '2025-03-31T17:00:00Z',
    newDueAt: '2025-04-30T17:00:00Z',
    step: 'SURVEY',
    what: 'survey findings',
    level: 1,
    round: 2,
    draftVersion: 3,
    heldOn: '2025-01-02T01:00:00Z',
    period: 'Quý I/2025',
    closesAt: '2025-04-10T01:00:00Z',
    headline: '25/30 chỉ tiêu đạt và vượt',
    from: 'SURVEY',
    to: 'DRAFTING',
    assignee: 'Sở KH&ĐT',
    reason: 'thiếu số liệu',
    reasons: 'thiếu số liệu',
    approve: 'yes',
    number: '10-NQ/TU',
    unitName: 'Thành ủy Vị Thanh',
  };

  it.each(Object.values(NotificationKind))(
    '%s renders in Vietnamese and English with every value filled in',
    (kind) => {
      for (const locale of ['vi', 'en']) {
        const { title, body } = renderNotification(kind, locale, params);
        expect(title.length).toBeGreaterThan(3);
        expect(`${title} ${body}`).not.toMatch(/undefined|null|NaN|—/);
      }
    },
  );

  it('reminds a silent invitee naming the programme, the round, the deadline and the draft version', () => {
    const p = {
      title: 'Chương trình hành động thực hiện Nghị quyết 05',
      round: 2,
      draftVersion: 3,
      deadline: '2025-03-31T10:00:00Z',
    };
    const vi = renderNotification(NotificationKind.CONSULTATION_REMINDER, 'vi', p);
    expect(vi.title).toBe('Nhắc góp ý dự thảo: Chương trình hành động thực hiện Nghị quyết 05');
    expect(vi.body).toBe(
      'Đồng chí chưa gửi ý kiến về dự thảo lần 3 của chương trình "Chương trình hành động thực hiện Nghị quyết 05" ' +
        '(đợt lấy ý kiến thứ 2). Hạn góp ý: 17:00 31/03/2025. Đề nghị đồng chí trực tiếp góp ý trước thời hạn.',
    );
    // Fully Vietnamese: no English word of the English text slips in.
    expect(`${vi.title} ${vi.body}`).not.toMatch(/\b(draft|round|version|deadline|opinion|programme|please)\b/i);
    const en = renderNotification(NotificationKind.CONSULTATION_REMINDER, 'en', p);
    expect(en.body).toContain('draft version 3');
    expect(en.body).toContain('consultation round 2');
    expect(en.body).toContain('17:00 31/03/2025');
    // A round from before the version was kept: the draft, unnumbered.
    const legacy = renderNotification(NotificationKind.CONSULTATION_REMINDER, 'vi', { ...p, draftVersion: null });
    expect(legacy.body).toContain('ý kiến về dự thảo chương trình');
  });

  it('shows missing values as a dash, never "undefined"', () => {
    const { body } = renderNotification(NotificationKind.TASK_RETURNED, 'vi', { title: 'x' });
    expect(body).toContain('Lý do: —');
  });

  it('writes dates as the Vietnamese calendar day (UTC+7)', () => {
    expect(vnDate('2025-03-31T17:00:00Z')).toBe('01/04/2025');
    expect(vnDate('2025-03-31T16:59:59Z')).toBe('31/03/2025');
    expect(
      renderNotification(NotificationKind.TASK_DUE_REMINDER, 'en', { title: 't', dueAt: '2025-03-31T17:00:00Z' }).body,
    ).toContain('01/04/2025');
  });

  it('falls back to Vietnamese for unknown languages', () => {
    expect(renderNotification(NotificationKind.TASK_ASSIGNED, 'fr', params).title).toMatch(/^Nhiệm vụ mới/);
  });

  it('escapes HTML in e-mails and keeps a text part', () => {
    const mail = notificationEmail('vi', 'A <b>', 'x & y');
    expect(mail.html).toContain('A &lt;b&gt;');
    expect(mail.html).toContain('x &amp; y');
    expect(mail.text).toContain('x & y');
  });

  it('lists every item of a digest', () => {
    const mail = digestEmail('en', '2025-04-01', [
      { title: 'a', body: 'b' },
      { title: 'c', body: 'd' },
    ]);
    expect(mail.subject).toBe('2 reminders for 01/04/2025');
    expect(mail.text).toMatch(/1\. a[\s\S]*2\. c/);
  });
});

describe('notices about a restricted programme', () => {
  it('say the generic sentence and the link in every kind and language, never a parameter', () => {
    for (const kind of Object.values(NotificationKind))
      for (const locale of ['vi', 'en']) {
        const { title, body } = renderNotification(kind, locale, restrictedParams('mat-1'));
        expect(title).toBe(RESTRICTED_NOTICE[locale as 'vi' | 'en']);
        expect(body).toContain('/programmes/mat-1');
        const mail = notificationEmail(locale as 'vi' | 'en', title, body);
        expect(mail.subject).toBe(title);
        expect(`${mail.text}${mail.html}`).not.toMatch(/CTr|undefined|—/);
      }
  });

  it('carry only the flag and the link as parameters', () => {
    expect(restrictedParams('mat-1')).toEqual({ restricted: 'yes', link: '/programmes/mat-1' });
  });
});
