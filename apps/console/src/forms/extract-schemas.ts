/**
 * The staff actions' payload schemas, taken from the API's OpenAPI document at build time (the same
 * document the console's types come from) and written to src/generated/action-schemas.json: every
 * schema reachable from an action path's `payload`, or from the programme creation body, with its
 * `$ref`s resolved, so the console renders each action's form from the rules the API checks.
 */

export type JsonSchema = {
  type?: string;
  format?: string;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  nullable?: boolean;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  description?: string;
  default?: unknown;
  additionalProperties?: boolean | JsonSchema;
  $ref?: string;
  allOf?: JsonSchema[];
};

/** What a subject's actions take: action name → payload schema name. */
export type ActionTable = Record<string, string>;

export interface ActionSchemas {
  /** Schema name → the schema, references resolved. */
  schemas: Record<string, JsonSchema>;
  /** Per workflow (programme, task, cycle): action name → schema name. */
  actions: { programme: ActionTable; task: ActionTable; cycle: ActionTable };
  /** The body of POST /programmes. */
  createProgramme: string;
}

interface OpenApiLike {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

const SUBJECTS: Array<[keyof ActionSchemas['actions'], RegExp]> = [
  ['programme', /^\/programmes\/\{id\}\/actions\/(\w+)$/],
  ['task', /^\/tasks\/\{id\}\/actions\/(\w+)$/],
  ['cycle', /^\/breakthrough\/cycles\/\{unitId\}\/\{year\}\/actions\/(\w+)$/],
];
export const CREATE_PROGRAMME_PATH = '/programmes';

const refName = (ref: string | undefined): string | undefined => ref?.split('/').pop();

/** A schema with every reference replaced by what it names (a single `allOf` reference merged in). */
export function resolveSchema(schema: JsonSchema, all: Record<string, JsonSchema>, seen: string[] = []): JsonSchema {
  if (schema.$ref) {
    const name = refName(schema.$ref) ?? '';
    if (seen.includes(name)) return { type: 'object' };
    const { $ref: _ignored, ...rest } = schema;
    return { ...resolveSchema(all[name] ?? { type: 'object' }, all, [...seen, name]), ...rest };
  }
  const out: JsonSchema = { ...schema };
  if (schema.allOf?.length === 1) {
    delete out.allOf;
    Object.assign(out, resolveSchema(schema.allOf[0], all, seen), {
      ...(schema.nullable ? { nullable: true } : {}),
    });
  }
  if (out.properties)
    out.properties = Object.fromEntries(
      Object.entries(out.properties).map(([k, v]) => [k, resolveSchema(v, all, seen)]),
    );
  if (out.items) out.items = resolveSchema(out.items, all, seen);
  return out;
}

function jsonBody(op: { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } } | undefined) {
  return op?.requestBody?.content?.['application/json']?.schema;
}

export function extractActionSchemas(doc: OpenApiLike): ActionSchemas {
  const all = doc.components?.schemas ?? {};
  const result: ActionSchemas = {
    schemas: {},
    actions: { programme: {}, task: {}, cycle: {} },
    createProgramme: refName(jsonBody(doc.paths[CREATE_PROGRAMME_PATH]?.post)?.$ref) ?? '',
  };
  const wanted = new Set<string>(result.createProgramme ? [result.createProgramme] : []);
  for (const [path, item] of Object.entries(doc.paths)) {
    const subject = SUBJECTS.find(([, re]) => re.test(path));
    if (!subject) continue;
    const action = subject[1].exec(path)?.[1] ?? '';
    const name = refName(jsonBody(item.post)?.properties?.payload?.$ref);
    if (!name) continue;
    result.actions[subject[0]][action] = name;
    wanted.add(name);
  }
  for (const name of [...wanted].sort()) result.schemas[name] = resolveSchema(all[name] ?? { type: 'object' }, all);
  return result;
}

/** Every property name in the schemas, nested ones included (each needs a label). */
export function propertyNames(schemas: Record<string, JsonSchema>): string[] {
  const names = new Set<string>();
  const walk = (s: JsonSchema) => {
    for (const [k, v] of Object.entries(s.properties ?? {})) {
      names.add(k);
      walk(v);
    }
    if (s.items) walk(s.items);
  };
  Object.values(schemas).forEach(walk);
  return [...names].sort();
}
