import { ArgumentsHost, Catch, ExceptionFilter, HttpException } from '@nestjs/common';
import type { Request, Response } from 'express';

/** Why a single sign-on did not open a session: the code the console can show, the status, the words. */
const REFUSALS = {
  expired_or_used: [
    400,
    'this sign-in has expired, was already used, or was started in another browser: start again from the sign-in page',
  ],
  provider_refused: [400, 'the identity provider did not sign you in'],
  not_verified: [400, "the identity provider's answer could not be verified: start again from the sign-in page"],
  unknown_subject: [
    403,
    'your single sign-on account is not linked to any account here: ask an administrator to link it, quoting the account below',
  ],
  account_disabled: [403, 'the account linked to your single sign-on account is disabled'],
  unavailable: [503, 'single sign-on is unavailable for a moment: try again shortly'],
} as const satisfies Record<string, readonly [number, string]>;

export type OidcRefusalCode = keyof typeof REFUSALS;

export class OidcRefusal extends HttpException {
  constructor(
    readonly code: OidcRefusalCode,
    /** Shown after the message: what the person needs to quote to an administrator, or the provider's reason. */
    readonly detail?: string,
  ) {
    const [status, message] = REFUSALS[code];
    super({ statusCode: status, error: code, message: detail ? `${message} (${detail})` : message }, status);
  }
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/**
 * The browser arrives at the callback by navigation, not from the console's script, so a refusal is a
 * small page saying why, with the way back; API clients (no HTML in Accept) get the usual JSON.
 */
@Catch(OidcRefusal)
export class OidcRefusalFilter implements ExceptionFilter {
  catch(error: OidcRefusal, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    const status = error.getStatus();
    res.status(status).setHeader('Cache-Control', 'no-store');
    if (status === 503) res.setHeader('Retry-After', '5');
    if (req.accepts(['json', 'html']) !== 'html') {
      res.json(error.getResponse());
      return;
    }
    const [, message] = REFUSALS[error.code];
    const detail = error.detail ? `<p><code>${escapeHtml(error.detail)}</code></p>` : '';
    res.type('html').send(`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Not signed in</title></head>
<body>
<main>
<h1>Not signed in</h1>
<p>${escapeHtml(message)}.</p>
${detail}
<p>Error code: <code>${error.code}</code></p>
<p><a href="/">Back to the sign-in page</a></p>
</main>
</body>
</html>
`);
  }
}
