import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, getSchemaPath, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { OperationObject, ParameterObject, ResponseObject, ResponsesObject, SchemaObject } from '@nestjs/swagger';
import { ALLOWED_BEFORE_PASSWORD_CHANGE_EXTENSION } from '../auth/public.decorator';
import { ACCESS_COOKIE } from '../auth/session-cookies';
import { expandActionPaths } from './action-paths';
import { ErrorResponse } from './error.response';
import { describeValidatedClasses } from './validation-schema';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const SAFE_METHODS = new Set(['get', 'head', 'options']);

/** Refusals every route of a kind can answer, whatever it does; a route lists its own beyond these. */
const COMMON_REFUSALS = {
  400: 'The request does not pass validation: every problem is listed in `message`. Text anywhere in the URL, query or body must not hold a NUL character or an unpaired surrogate',
  401: 'No valid session: no bearer token or session cookie, or it expired, was ended (logout, password change or reset) or the account is disabled',
  413: 'The JSON body is larger than the configured limit (BODY_LIMIT_KB)',
  415: "The body's charset or content encoding is not one the JSON parser reads",
};
const CSRF_REFUSAL = 'a cookie session sent it without the CSRF token (X-CSRF-Token = the `csrf` cookie)';
const PASSWORD_CHANGE_REFUSAL = 'the password was reset by an admin and must be changed first (POST /auth/password)';

/** The session cookie, as the console uses it; API clients use the bearer token. */
const COOKIE_SCHEME = 'cookie';

/**
 * The API's OpenAPI document, built from the controllers' metadata alone (no service is called, so a
 * build can write it without a database): the decorators, the validators' rules, the refusals every
 * route can answer, and one path per staff action.
 */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const validated = describeValidatedClasses();
  const doc = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Action programmes API')
      .setDescription(
        'Lifecycle of action programmes: survey, drafting, consultation, issuance, dissemination, implementation, reviews, final summary. ' +
          'Every route refuses with 400 a request whose URL, query or JSON body holds a NUL character or an unpaired surrogate anywhere (PostgreSQL cannot store NUL in text).',
      )
      .setVersion('1')
      .addBearerAuth()
      .addCookieAuth(ACCESS_COOKIE, {
        type: 'apiKey',
        in: 'cookie',
        description:
          'The browser session: POST /auth/login with session=cookie sets it (HttpOnly, SameSite=Strict). A request that changes something must also send the `csrf` cookie value in X-CSRF-Token.',
      })
      .build(),
    { extraModels: [ErrorResponse] },
  );
  for (const [name, schema] of Object.entries(doc.components?.schemas ?? {}))
    // The ValidationPipe forbids properties a DTO does not declare (forbidNonWhitelisted).
    if (validated.has(name)) (schema as SchemaObject).additionalProperties = false;
  expandActionPaths(doc);
  for (const item of Object.values(doc.paths))
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      acceptSessionCookie(op);
      addCommonRefusals(op);
      addSessionRefusals(op, method);
    }
  return doc;
}

function addCommonRefusals(op: OperationObject): void {
  const params = (op.parameters ?? []) as ParameterObject[];
  // A query string has no null: an absent parameter is how a client leaves one out.
  for (const p of params) {
    const schema = p.schema as SchemaObject | undefined;
    if (p.in !== 'query' || !schema) continue;
    delete schema.nullable;
    if (schema.enum) schema.enum = schema.enum.filter((v: unknown) => v !== null);
  }
  // Anything the client sends can be refused: a body or query by validation, a path parameter by its
  // pipe (integer, UUID), and any of them for a NUL character (one global rule).
  const validates = op.requestBody !== undefined || params.some((p) => p.in === 'query' || p.in === 'path');
  const statuses: Array<keyof typeof COMMON_REFUSALS> = [];
  if (validates) statuses.push(400);
  if (op.security?.length) statuses.push(401);
  if (op.requestBody) statuses.push(413, 415);
  const responses: ResponsesObject = op.responses;
  for (const status of statuses) {
    const own = responses[status] as ResponseObject | undefined;
    responses[status] = {
      ...own,
      description: own?.description ?? COMMON_REFUSALS[status],
      content: own?.content ?? { 'application/json': { schema: { $ref: getSchemaPath(ErrorResponse) } } },
    };
  }
  op.responses = Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)));
}

/** Every route that takes the bearer token takes the session cookie too (the global guard reads either). */
function acceptSessionCookie(op: OperationObject): void {
  if (!op.security?.some((s) => 'bearer' in s)) return;
  const others = op.security.filter((s) => !(COOKIE_SCHEME in s));
  op.security = [...others, { [COOKIE_SCHEME]: [] }];
}

/**
 * The guard's own 403s: a cookie session's change without its CSRF token, and anything but the few
 * routes marked `AllowedBeforePasswordChange` while a reset password awaits its change. Added to the
 * route's own 403, if it has one.
 */
function addSessionRefusals(op: OperationObject, method: string): void {
  const extended = op as OperationObject & { [ALLOWED_BEFORE_PASSWORD_CHANGE_EXTENSION]?: boolean };
  const allowedBeforeChange = extended[ALLOWED_BEFORE_PASSWORD_CHANGE_EXTENSION] === true;
  delete extended[ALLOWED_BEFORE_PASSWORD_CHANGE_EXTENSION];
  // Public routes (no security, or `{}` among it: credentials optional) are not the guard's.
  if (!op.security?.some((s) => COOKIE_SCHEME in s) || op.security.some((s) => Object.keys(s).length === 0)) return;
  const reasons = [
    ...(SAFE_METHODS.has(method) ? [] : [CSRF_REFUSAL]),
    ...(allowedBeforeChange ? [] : [PASSWORD_CHANGE_REFUSAL]),
  ];
  if (reasons.length === 0) return;
  const own = op.responses[403] as ResponseObject | undefined;
  const common = reasons.join(', or ');
  op.responses[403] = {
    description: own ? `${own.description}; or ${common}` : common.charAt(0).toUpperCase() + common.slice(1),
    content: own?.content ?? { 'application/json': { schema: { $ref: getSchemaPath(ErrorResponse) } } },
  };
  op.responses = Object.fromEntries(Object.entries(op.responses).sort(([a], [b]) => a.localeCompare(b)));
}

/** Every documented path with its methods, as patterns to match request paths against. */
export function documentedRoutes(doc: OpenAPIObject): Array<{ pattern: RegExp; methods: string[] }> {
  return Object.entries(doc.paths).map(([path, item]) => ({
    pattern: new RegExp(
      `^${path
        .split('/')
        .map((seg) => (/^\{.+\}$/.test(seg) ? '[^/]+' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
        .join('/')}/?$`,
    ),
    methods: METHODS.filter((m) => item[m]).map((m) => m.toUpperCase()),
  }));
}
