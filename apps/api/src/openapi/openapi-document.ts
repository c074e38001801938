import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, getSchemaPath, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { OperationObject, ParameterObject, ResponsesObject, SchemaObject } from '@nestjs/swagger';
import { expandActionPaths } from './action-paths';
import { ErrorResponse } from './error.response';
import { describeValidatedClasses } from './validation-schema';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** Refusals every route of a kind can answer, whatever it does; a route lists its own beyond these. */
const COMMON_REFUSALS = {
  400: 'The request does not pass validation: every problem is listed in `message`',
  401: 'No valid bearer token (missing, expired, or the account is disabled)',
  413: 'The JSON body is larger than the configured limit (BODY_LIMIT_KB)',
  415: "The body's charset or content encoding is not one the JSON parser reads",
};

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
        'Lifecycle of action programmes: survey, drafting, consultation, issuance, dissemination, implementation, reviews, final summary.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
    { extraModels: [ErrorResponse] },
  );
  for (const [name, schema] of Object.entries(doc.components?.schemas ?? {}))
    // The ValidationPipe forbids properties a DTO does not declare (forbidNonWhitelisted).
    if (validated.has(name)) (schema as SchemaObject).additionalProperties = false;
  expandActionPaths(doc);
  for (const item of Object.values(doc.paths))
    for (const method of METHODS) if (item[method]) addCommonRefusals(item[method]);
  return doc;
}

function addCommonRefusals(op: OperationObject): void {
  const params = (op.parameters ?? []) as ParameterObject[];
  for (const p of params) if (p.in === 'query' && p.schema) delete (p.schema as SchemaObject).nullable;
  const validates =
    op.requestBody !== undefined ||
    params.some((p) => p.in === 'query') ||
    // A path parameter read by a pipe (integer, UUID) is refused with 400 when it does not parse.
    params.some(
      (p) => p.in === 'path' && ((p.schema as SchemaObject)?.type !== 'string' || !!(p.schema as SchemaObject)?.format),
    );
  const statuses: Array<keyof typeof COMMON_REFUSALS> = [];
  if (validates) statuses.push(400);
  if (op.security?.length) statuses.push(401);
  if (op.requestBody) statuses.push(413, 415);
  const responses: ResponsesObject = op.responses;
  for (const status of statuses) {
    const own = responses[status] as { description?: string } | undefined;
    responses[status] = {
      description: own?.description ?? COMMON_REFUSALS[status],
      content: { 'application/json': { schema: { $ref: getSchemaPath(ErrorResponse) } } },
    };
  }
  op.responses = Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)));
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
