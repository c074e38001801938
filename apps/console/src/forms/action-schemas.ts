import generated from '../generated/action-schemas.json';
import type { ActionSchemas, JsonSchema } from './extract-schemas';

/** The payload schemas the build took from the API's OpenAPI document (see extract-schemas.ts). */
export const ACTION_SCHEMAS = generated as unknown as ActionSchemas;

export type Subject = keyof ActionSchemas['actions'];

/** The schema of an action's payload: by the name the API gave, else the one its route documents. */
export function payloadSchema(subject: Subject, action: string, name?: string): JsonSchema {
  const byName = name ? ACTION_SCHEMAS.schemas[name] : undefined;
  const byRoute = ACTION_SCHEMAS.schemas[ACTION_SCHEMAS.actions[subject][action] ?? ''];
  return byName ?? byRoute ?? { type: 'object', properties: {} };
}

/** The body of POST /programmes. */
export const createProgrammeSchema = (): JsonSchema =>
  ACTION_SCHEMAS.schemas[ACTION_SCHEMAS.createProgramme] ?? { type: 'object', properties: {} };
