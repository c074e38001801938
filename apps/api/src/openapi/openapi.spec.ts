import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import type { OpenAPIObject } from '@nestjs/swagger';
import { DECORATORS } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { expandActionPaths } from './action-paths';
import { methodNotAllowed } from './method-not-allowed';
import { documentedRoutes } from './openapi-document';
import { describeValidatedClasses } from './validation-schema';

class Goal {
  @IsIn(['AT_LEAST', 'AT_MOST'])
  comparator: string;
}

class Sample {
  @IsString()
  @Length(1, 100)
  name: string;

  @IsOptional()
  @Matches(/^\d{4}-\d{4}$/)
  term?: string;

  @IsInt()
  @Min(1)
  @Max(1000)
  seq: number;

  @IsArray()
  @ArrayMaxSize(5)
  @IsString({ each: true })
  @Length(1, 20, { each: true })
  tags: string[];

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => Goal)
  goals: Goal[];
}

const schemaOf = (cls: new () => object, property: string) =>
  Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, cls.prototype, property);

describe('request schemas read from the validators', () => {
  const validated = describeValidatedClasses();

  it('knows every validated class, whose schemas then refuse unknown properties', () => {
    expect([validated.has('Sample'), validated.has('Goal')]).toEqual([true, true]);
  });

  it('turns lengths, patterns, ranges and enums into their JSON Schema keywords', () => {
    expect(schemaOf(Sample, 'name')).toMatchObject({ type: 'string', minLength: 1, maxLength: 100, required: true });
    expect(schemaOf(Sample, 'seq')).toMatchObject({ type: 'integer', minimum: 1, maximum: 1000 });
    expect(schemaOf(Goal, 'comparator')).toMatchObject({ type: 'string', enum: ['AT_LEAST', 'AT_MOST'] });
  });

  it('makes an optional property not required and nullable (the validators skip null too)', () => {
    expect(schemaOf(Sample, 'term')).toMatchObject({ pattern: '^\\d{4}-\\d{4}$', required: false, nullable: true });
  });

  it('puts `each` rules on the items and size rules on the list', () => {
    expect(schemaOf(Sample, 'tags')).toMatchObject({
      type: 'array',
      maxItems: 5,
      items: { type: 'string', minLength: 1, maxLength: 20 },
    });
    expect(schemaOf(Sample, 'goals')).toMatchObject({ type: Goal, isArray: true });
  });
});

const doc = (paths: OpenAPIObject['paths'], schemas = {}): OpenAPIObject => ({
  openapi: '3.0.0',
  info: { title: 't', version: '1' },
  paths,
  components: { schemas },
});

describe('one path per staff action', () => {
  it('replaces the templated path by one path per action, each with its own payload', () => {
    const d = doc(
      {
        '/things/{id}/actions/{action}': {
          post: {
            operationId: 'act',
            summary: 'act on a thing',
            'x-action-paths': { param: 'action', payloads: { open: 'OpenPayload', close: 'Empty' }, closed: true },
            parameters: [
              { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
              { name: 'action', in: 'path', required: true, schema: { type: 'string' } },
            ],
            requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Body' } } } },
            responses: { 200: { description: 'ok' } },
          },
        } as never,
      },
      {
        Body: { type: 'object', properties: { requestId: { type: 'string' }, payload: { type: 'object' } } },
        OpenPayload: { type: 'object', properties: { reason: { type: 'string' } } },
        Empty: { type: 'object', properties: {} },
      },
    );
    expandActionPaths(d);
    expect(Object.keys(d.paths)).toEqual(['/things/{id}/actions/open', '/things/{id}/actions/close']);
    const open = d.paths['/things/{id}/actions/open'].post!;
    expect(open.operationId).toBe('act_open');
    expect(open.parameters).toEqual([expect.objectContaining({ name: 'id' })]);
    expect(open).not.toHaveProperty('x-action-paths');
    expect(
      (open.requestBody as { content: Record<string, { schema: { properties: object } }> }).content['application/json']
        .schema.properties,
    ).toEqual({ requestId: { type: 'string' }, payload: { $ref: '#/components/schemas/OpenPayload' } });
    expect(d.components!.schemas!.OpenPayload).toMatchObject({ additionalProperties: false });
  });
});

describe('405 for a documented path asked with another method', () => {
  const routes = doc({
    '/tasks/counts': { get: { responses: {} } },
    '/tasks/{id}': { get: { responses: {} } },
    '/programmes': { get: { responses: {} }, post: { responses: {} } },
  });

  function answer(method: string, path: string) {
    const res = { statusCode: 0, headers: {} as Record<string, string>, body: undefined as unknown };
    const response = {
      status: (code: number) => ((res.statusCode = code), response),
      setHeader: (name: string, value: string) => ((res.headers[name] = value), response),
      json: (body: unknown) => ((res.body = body), response),
    };
    let passed = false;
    methodNotAllowed(routes)({ method, path } as Request, response as unknown as Response, () => (passed = true));
    return { passed, ...res };
  }

  it('matches a path template segment by segment, a trailing slash allowed', () => {
    const [counts, task] = documentedRoutes(routes);
    expect(counts.pattern.test('/tasks/counts')).toBe(true);
    expect(task.pattern.test('/tasks/hg-ctr-123%2FT1')).toBe(true);
    expect(task.pattern.test('/tasks/a/b')).toBe(false);
    expect(documentedRoutes(routes)[2].pattern.test('/programmes/')).toBe(true);
  });

  it('answers 405 with Allow, and lets documented methods, HEAD, OPTIONS and unknown paths through', () => {
    expect(answer('TRACE', '/programmes')).toMatchObject({
      passed: false,
      statusCode: 405,
      headers: { Allow: 'GET, POST, HEAD' },
    });
    expect(answer('DELETE', '/tasks/counts')).toMatchObject({ statusCode: 405, headers: { Allow: 'GET, HEAD' } });
    for (const [method, path] of [
      ['POST', '/programmes'],
      ['HEAD', '/programmes'],
      ['OPTIONS', '/programmes'],
      ['DELETE', '/nowhere'],
    ])
      expect(answer(method, path).passed).toBe(true);
  });
});
