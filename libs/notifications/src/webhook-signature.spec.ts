import { createHmac } from 'node:crypto';
import { signWebhook, verifyWebhook } from './webhook-signature';

describe('webhook signature', () => {
  const secret = 's'.repeat(32);
  const body = '{"kind":"TASK_ASSIGNED"}';
  const now = 1_800_000_000_000;
  const ts = now / 1000;

  it('is HMAC-SHA256 over "<timestamp>.<body>" in hex', () => {
    const expected = createHmac('sha256', secret).update(`${ts}.${body}`).digest('hex');
    expect(signWebhook(secret, ts, body)).toBe(`sha256=${expected}`);
  });

  it('verifies a fresh, untouched request', () => {
    expect(verifyWebhook(secret, String(ts), body, signWebhook(secret, ts, body), 300, now)).toBe(true);
  });

  it('refuses a changed body, another secret, a stale or missing timestamp', () => {
    const sig = signWebhook(secret, ts, body);
    expect(verifyWebhook(secret, String(ts), body + ' ', sig, 300, now)).toBe(false);
    expect(verifyWebhook('x'.repeat(32), String(ts), body, sig, 300, now)).toBe(false);
    expect(verifyWebhook(secret, String(ts), body, sig, 300, now + 301_000)).toBe(false);
    expect(verifyWebhook(secret, undefined, body, sig, 300, now)).toBe(false);
    expect(verifyWebhook(secret, String(ts), body, undefined, 300, now)).toBe(false);
  });
});
