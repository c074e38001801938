import { applyDecorators, Type } from '@nestjs/common';
import { ApiExtension, ApiExtraModels, getSchemaPath } from '@nestjs/swagger';
import type { OpenAPIObject, OperationObject, SchemaObject } from '@nestjs/swagger';

const EXTENSION = 'x-action-paths';

interface ActionPathsSpec {
  param: string;
  /** Action name → the schema name of its payload. */
  payloads: Record<string, string>;
  /** The API refuses fields a payload does not declare (checked at the edge, not only by the workflow). */
  closed: boolean;
}

/**
 * A route whose body depends on an `{action}` path segment (staff actions) is documented as one path
 * per action, each with that action's payload schema, instead of one path whose payload could be
 * anything: clients and their generated types then know what each action takes.
 */
export function ApiActionPaths(
  param: string,
  payloads: Record<string, Type<unknown>>,
  { closed }: { closed: boolean },
): MethodDecorator {
  const spec: ActionPathsSpec = {
    param,
    closed,
    payloads: Object.fromEntries(Object.entries(payloads).map(([action, cls]) => [action, cls.name])),
  };
  return applyDecorators(ApiExtraModels(...new Set(Object.values(payloads))), ApiExtension(EXTENSION, spec));
}

/** Replaces every operation marked by `ApiActionPaths` with its per-action paths. */
export function expandActionPaths(doc: OpenAPIObject): void {
  for (const [path, item] of Object.entries(doc.paths)) {
    const marked = Object.entries(item).filter(
      (entry): entry is [string, OperationObject] => typeof entry[1] === 'object' && EXTENSION in entry[1],
    );
    if (marked.length === 0) continue;
    delete doc.paths[path];
    for (const [method, op] of marked) {
      const { [EXTENSION]: spec, ...operation } = op as OperationObject & { [EXTENSION]: ActionPathsSpec };
      const body = doc.components?.schemas?.[bodySchemaName(operation)] as SchemaObject | undefined;
      for (const [action, payload] of Object.entries(spec.payloads)) {
        const payloadSchema = doc.components?.schemas?.[payload] as SchemaObject | undefined;
        if (payloadSchema) payloadSchema.additionalProperties = !spec.closed;
        const actionPath = path.replace(`{${spec.param}}`, action);
        doc.paths[actionPath] = {
          ...doc.paths[actionPath],
          [method]: {
            ...operation,
            operationId: `${operation.operationId}_${action}`,
            summary: `${action}: ${operation.summary ?? ''}`.trim(),
            parameters: (operation.parameters ?? []).filter((p) => !('name' in p) || p.name !== spec.param),
            requestBody: {
              required: true,
              content: {
                'application/json': {
                  schema: {
                    ...body,
                    properties: { ...body?.properties, payload: { $ref: getSchemaPath(payload) } },
                  },
                },
              },
            },
          },
        };
      }
    }
  }
}

function bodySchemaName(op: OperationObject): string {
  const body = op.requestBody as { content?: Record<string, { schema?: { $ref?: string } }> } | undefined;
  return body?.content?.['application/json']?.schema?.$ref?.split('/').pop() ?? '';
}
