import type { OpenAPIObject } from '@nestjs/swagger';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { documentedRoutes } from './openapi-document';

/**
 * A documented path asked with a method it does not have answers 405 with an `Allow` header (RFC
 * 9110), not 404: the resource exists, the method does not. HEAD and OPTIONS stay Express's.
 */
export function methodNotAllowed(doc: OpenAPIObject): RequestHandler {
  const routes = documentedRoutes(doc);
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method === 'HEAD' || req.method === 'OPTIONS') return next();
    const matching = routes.filter((r) => r.pattern.test(req.path));
    const allowed = [...new Set(matching.flatMap((r) => r.methods))];
    if (matching.length === 0 || allowed.includes(req.method)) return next();
    res
      .status(405)
      .setHeader('Allow', (allowed.includes('GET') ? [...allowed, 'HEAD'] : allowed).join(', '))
      .json({ statusCode: 405, error: 'Method Not Allowed', message: `${req.method} is not allowed here` });
  };
}
