import { Language, vnDate } from './notification-templates';

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

const FOOTER: Record<Language, string> = {
  vi: 'Thư gửi tự động từ hệ thống theo dõi chương trình hành động. Xem chi tiết trong hộp thông báo của đồng chí.',
  en: 'Sent automatically by the action programme system. See your inbox there for details.',
};

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function layout(language: Language, heading: string, paragraphsHtml: string): string {
  return (
    `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(heading)}</title></head>` +
    `<body style="font-family:Arial,sans-serif;color:#222"><h2 style="color:#a50000">${escapeHtml(heading)}</h2>${paragraphsHtml}` +
    `<hr><p style="color:#777;font-size:12px">${escapeHtml(FOOTER[language])}</p></body></html>`
  );
}

/** One notification as an e-mail: the rendered title as subject, the body as text and HTML. */
export function notificationEmail(language: Language, title: string, body: string): EmailContent {
  return {
    subject: title,
    text: `${body}\n\n--\n${FOOTER[language]}\n`,
    html: layout(language, title, `<p>${escapeHtml(body)}</p>`),
  };
}

/** Many reminders of one day in one e-mail; each keeps its own title and body. */
export function digestEmail(
  language: Language,
  day: string,
  items: ReadonlyArray<{ title: string; body: string }>,
): EmailContent {
  const date = vnDate(`${day}T12:00:00+07:00`);
  const subject =
    language === 'en' ? `${items.length} reminders for ${date}` : `${items.length} nội dung cần đôn đốc ngày ${date}`;
  const text = items.map((i, n) => `${n + 1}. ${i.title}\n   ${i.body}`).join('\n\n');
  const list = `<ol>${items.map((i) => `<li><strong>${escapeHtml(i.title)}</strong><br>${escapeHtml(i.body)}</li>`).join('')}</ol>`;
  return { subject, text: `${subject}\n\n${text}\n\n--\n${FOOTER[language]}\n`, html: layout(language, subject, list) };
}
