import {
  BadRequestException,
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  RouteParamMetadata,
} from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { DECORATORS } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Observable } from 'rxjs';

/** What a `@Body()` of no declared class is typed as: nothing is validated, so nothing is required. */
const UNTYPED: unknown[] = [undefined, Object, String, Number, Boolean, Array];

type Controller = abstract new (...args: never[]) => unknown;
type Handler = (...args: never[]) => unknown;

/**
 * Whether a route needs a JSON body: it reads the whole body as a declared class (`@Body() dto: X`) and
 * does not document it as optional (`@ApiBody({ required: false })`), so the OpenAPI document says
 * `requestBody.required`.
 */
export function needsBody(controller: Controller, handler: Handler): boolean {
  const args: Record<string, RouteParamMetadata> =
    Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, handler.name) ?? {};
  const types: unknown[] = Reflect.getMetadata('design:paramtypes', controller.prototype, handler.name) ?? [];
  const body = Object.entries(args).find(
    ([key, arg]) => Number(key.split(':')[0]) === RouteParamtypes.BODY && arg.data === undefined,
  );
  if (!body || UNTYPED.includes(types[body[1].index])) return false;
  const documented: Array<{ in?: string; required?: boolean }> =
    Reflect.getMetadata(DECORATORS.API_PARAMETERS, handler) ?? [];
  return !documented.some((p) => p.in === 'body' && p.required === false);
}

/**
 * Refuses with 400 a request without a body to a route that needs one, before validation (which
 * would read a missing body as `{}` and let a change of optional fields through as "no change").
 * `{}` itself stays what it says.
 */
@Injectable()
export class RequiredBodyInterceptor implements NestInterceptor {
  private readonly known = new WeakMap<Handler, boolean>();

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http' && context.switchToHttp().getRequest<Request>().body === undefined) {
      const handler = context.getHandler() as Handler;
      let needed = this.known.get(handler);
      if (needed === undefined) {
        needed = needsBody(context.getClass() as Controller, handler);
        this.known.set(handler, needed);
      }
      if (needed)
        throw new BadRequestException({
          statusCode: 400,
          error: 'Bad Request',
          message: ['the request needs a JSON body (Content-Type: application/json)'],
        });
    }
    return next.handle();
  }
}
