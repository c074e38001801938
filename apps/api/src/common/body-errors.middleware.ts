import type { NextFunction, Request, Response } from 'express';

/** An error of the JSON body parser that is the client's (http-errors marks those `expose`). */
function isBodyParserRefusal(err: unknown): err is Error & { status: number; expose: true } {
  const e = err as { status?: unknown; expose?: unknown } | null;
  return (
    err instanceof Error && e?.expose === true && typeof e.status === 'number' && e.status >= 400 && e.status < 500
  );
}

/**
 * The JSON body parser refuses a body that is too large (413) or in a charset or encoding it does
 * not read (415); those answers keep their status and say why, as every other refusal does, instead
 * of reaching the exception filter as an unknown error (500). Malformed JSON is already Nest's 400.
 */
export function bodyParserRefusals(err: unknown, _req: Request, res: Response, next: NextFunction): void {
  if (!isBodyParserRefusal(err) || err instanceof SyntaxError) return next(err);
  res.status(err.status).json({ statusCode: err.status, message: err.message });
}
