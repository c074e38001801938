import type { NextFunction, Request, Response } from 'express';

// NUL, which Postgres cannot store in text (it answered 500), and UTF-16 halves without their pair,
// which are no text at all and would be stored as replacement characters.
// eslint-disable-next-line no-control-regex -- matching NUL is the point
const INVALID = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const ENCODED_NUL = /%00/;

/** Where in `value` (a parsed JSON body or query) a string or key holds invalid text, if anywhere. */
export function findInvalidText(value: unknown, path: string): string | undefined {
  // A list, not recursion: a deeply nested body must not overflow the stack.
  const pending: Array<[unknown, string]> = [[value, path]];
  while (pending.length > 0) {
    const [v, at] = pending.pop() as [unknown, string];
    if (typeof v === 'string') {
      if (INVALID.test(v)) return at;
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => pending.push([item, `${at}[${i}]`]));
    } else if (v !== null && typeof v === 'object') {
      for (const [key, item] of Object.entries(v)) {
        if (INVALID.test(key)) return `${at} (a key)`;
        pending.push([item, `${at}.${key}`]);
      }
    }
  }
  return undefined;
}

/**
 * Express middleware, after the body parser: refuses with 400 any request whose URL, query or JSON
 * body carries a NUL character or an unpaired surrogate, before it reaches validation or the database.
 */
export function rejectInvalidText(req: Request, res: Response, next: NextFunction): void {
  const where = ENCODED_NUL.test(req.originalUrl ?? req.url)
    ? 'the URL'
    : (findInvalidText(req.query, 'query') ?? findInvalidText(req.body, 'body'));
  if (where === undefined) return next();
  res.status(400).json({
    statusCode: 400,
    error: 'Bad Request',
    message: [`${where} contains a NUL character or an unpaired surrogate, which is not valid text`],
  });
}
