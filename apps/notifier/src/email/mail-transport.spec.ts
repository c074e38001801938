import * as nodemailer from 'nodemailer';
import { SMTP_MESSAGES_PER_CONNECTION, smtpPoolOptions } from './mail-transport';

/** The options nodemailer's pool ends up with; it opens no connection before the first message. */
function poolOptionsFor(smtpUrl: string, maxConnections: number): Record<string, unknown> {
  const mailer = nodemailer.createTransport(smtpPoolOptions(smtpUrl, maxConnections));
  const transport = mailer.transporter as unknown as { name: string; options: Record<string, unknown> };
  mailer.close();
  expect(transport.name).toBe('SMTP (pool)');
  return transport.options;
}

describe('smtpPoolOptions', () => {
  it('pools at most the given number of connections, renewing each after a hundred messages', () => {
    expect(poolOptionsFor('smtp://127.0.0.1:1025', 7)).toMatchObject({
      pool: true,
      maxConnections: 7,
      maxMessages: SMTP_MESSAGES_PER_CONNECTION,
      host: '127.0.0.1',
      port: 1025,
      secure: false,
    });
  });

  it.each([
    'smtps://notifier:s%40cret@mail.example.vn:465?tls.rejectUnauthorized=false',
    'smtp://mail.example.vn:587?requireTLS=true&tls.servername=mx.example.vn',
    'smtp://127.0.0.1:1025?ignoreTLS=true',
  ])('keeps what %s says about TLS, server and credentials, as a connection per message did', (smtpUrl) => {
    const perMessage = nodemailer.createTransport(smtpUrl);
    const before = perMessage.transporter as unknown as { options: Record<string, unknown> };
    perMessage.close();
    const pooled = poolOptionsFor(smtpUrl, 3);
    for (const key of ['secure', 'requireTLS', 'ignoreTLS', 'tls', 'host', 'port', 'auth'])
      expect([key, pooled[key]]).toEqual([key, before.options[key]]);
    expect(pooled).toMatchObject({ pool: true, maxConnections: 3 });
  });

  it('reads the TLS settings of the URL', () => {
    expect(
      poolOptionsFor('smtps://notifier:s%40cret@mail.example.vn:465?tls.rejectUnauthorized=false', 3),
    ).toMatchObject({
      secure: true,
      auth: { user: 'notifier', pass: 's@cret' },
      tls: { rejectUnauthorized: false },
    });
  });
});
