/**
 * Request schemas from the validators themselves: every class-validator rule on a DTO (lengths,
 * patterns, enums, ranges, list sizes, optional fields, nested classes) becomes the matching JSON
 * Schema keyword on its OpenAPI property, so the document says exactly what the ValidationPipe
 * accepts and cannot drift from it when a limit changes.
 */

import { DECORATORS } from '@nestjs/swagger';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import {
  ARRAY_MAX_SIZE,
  ARRAY_MIN_SIZE,
  ARRAY_UNIQUE,
  getMetadataStorage,
  IS_ARRAY,
  IS_BOOLEAN,
  IS_DATE_STRING,
  IS_ENUM,
  IS_IN,
  IS_INT,
  IS_ISO8601,
  IS_LENGTH,
  IS_NUMBER,
  IS_OBJECT,
  IS_OPTIONAL,
  IS_STRING,
  IS_URL,
  IS_UUID,
  MATCHES,
  MAX,
  MAX_LENGTH,
  MIN,
  MIN_LENGTH,
  ValidationTypes,
} from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

type Schema = Record<string, unknown>;
type ClassType = abstract new (...args: never[]) => unknown;

/** What a person wrote in @ApiProperty and the validators know nothing of. */
const WRITTEN_BY_HAND = ['description', 'example', 'examples', 'default', 'title', 'deprecated', 'format'];

/** JSON Schema keywords for one validator rule (on the value, or on each item when `each` is set). */
function keywordsOf(m: ValidationMetadata): Schema {
  const [first, second] = m.constraints ?? [];
  switch (m.name) {
    case IS_STRING:
      return { type: 'string' };
    case IS_LENGTH:
      return { minLength: first, ...(second !== undefined ? { maxLength: second } : {}) };
    case MIN_LENGTH:
      return { minLength: first };
    case MAX_LENGTH:
      return { maxLength: first };
    case MATCHES:
      return { type: 'string', pattern: first instanceof RegExp ? first.source : String(first) };
    case IS_IN:
      return { enum: [...(first as unknown[])] };
    case IS_ENUM:
      return { enum: [...(second as unknown[])] };
    case IS_INT:
      return { type: 'integer' };
    case IS_NUMBER:
      return { type: 'number' };
    case MIN:
      return { minimum: Number(first) };
    case MAX:
      return { maximum: Number(first) };
    case IS_BOOLEAN:
      return { type: 'boolean' };
    case IS_OBJECT:
      return { type: 'object' };
    case IS_ISO8601:
    case IS_DATE_STRING:
      return { type: 'string', format: 'date-time' };
    case IS_UUID:
      return { type: 'string', format: 'uuid' };
    case IS_URL:
      return { type: 'string', format: 'uri' };
    default:
      return {};
  }
}

const ARRAY_KEYWORDS: Record<string, (c: unknown[]) => Schema> = {
  [ARRAY_MIN_SIZE]: (c) => ({ minItems: Number(c[0]) }),
  [ARRAY_MAX_SIZE]: (c) => ({ maxItems: Number(c[0]) }),
  [ARRAY_UNIQUE]: () => ({ uniqueItems: true }),
};

/**
 * Whether the property's rules are skipped when it is absent (optional) and when it is null (nullable),
 * as its conditions say: `@IsOptional()` skips both, `@IsOmittable()` only absence, a `@ValidateIf`
 * whatever its condition answers for an object holding only that value.
 */
function presenceOf(property: string, rules: ValidationMetadata[]): { optional: boolean; nullable: boolean } {
  const conditions = rules.filter((m) => m.type === ValidationTypes.CONDITIONAL_VALIDATION);
  const skips = (value: unknown) =>
    conditions.some((m) => {
      if (m.name === IS_OPTIONAL) return true;
      const condition = m.constraints?.[0] as ((o: object, v: unknown) => boolean) | undefined;
      return condition?.({ [property]: value }, value) === false;
    });
  return { optional: skips(undefined), nullable: skips(null) };
}

/** The OpenAPI property metadata of one validated property. */
function propertyMetadata(target: ClassType, property: string, rules: ValidationMetadata[]): Schema {
  const { optional, nullable } = presenceOf(property, rules);
  const nested = rules.find((m) => m.type === ValidationTypes.NESTED_VALIDATION);
  const isArray = rules.some((m) => m.name === IS_ARRAY || (m.each && m.type === ValidationTypes.CUSTOM_VALIDATION));
  const value: Schema = {};
  const item: Schema = {};
  for (const m of rules) {
    if (m.type !== ValidationTypes.CUSTOM_VALIDATION) continue;
    if (m.name && m.name in ARRAY_KEYWORDS) Object.assign(value, ARRAY_KEYWORDS[m.name](m.constraints ?? []));
    else if (m.name !== IS_ARRAY) Object.assign(isArray && m.each ? item : value, keywordsOf(m));
  }
  // A property whose rules skip null (as `@IsOptional()` does) may be sent as null.
  const presence = { required: !optional, ...(nullable ? { nullable: true } : {}) };
  // OpenAPI 3.0: a nullable enum admits null only when null is one of its values.
  if (nullable && Array.isArray(value.enum)) value.enum = [...value.enum, null];
  const nestedType = nested && defaultMetadataStorage.findTypeMetadata(target, property)?.typeFunction();
  if (nestedType) return { ...value, type: nestedType, ...(isArray ? { isArray: true } : {}), ...presence };
  if (!isArray) return { ...value, ...presence };
  return { ...value, type: 'array', items: { type: 'string', ...item }, ...presence };
}

/** Parents before children, so an inherited property list is complete when a subclass extends it. */
const depth = (cls: ClassType): number => {
  let n = 0;
  for (let p = Object.getPrototypeOf(cls) as unknown; p && p !== Function.prototype; p = Object.getPrototypeOf(p)) n++;
  return n;
};

let described: Set<string> | null = null;

/**
 * Writes the validators' rules into the OpenAPI metadata of every validated class (once) and returns
 * the names of those classes, whose schemas refuse unknown properties (the pipe forbids them).
 */
export function describeValidatedClasses(): Set<string> {
  if (described) return described;
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<ClassType, ValidationMetadata[]> };
  const classes = [...storage.validationMetadatas.keys()].filter((c) => typeof c === 'function');
  classes.sort((a, b) => depth(a) - depth(b));
  for (const target of classes) {
    const byProperty = new Map<string, ValidationMetadata[]>();
    for (const m of storage.validationMetadatas.get(target) ?? []) {
      if (m.type === ValidationTypes.WHITELIST) continue;
      byProperty.set(m.propertyName, [...(byProperty.get(m.propertyName) ?? []), m]);
    }
    const proto = target.prototype as object;
    const listed: string[] = Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, proto) ?? [];
    const keys = new Set(listed);
    for (const [property, rules] of byProperty) {
      const written: Schema = Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, proto, property) ?? {};
      const derived = propertyMetadata(target, property, rules);
      const kept = Object.fromEntries(
        Object.entries(written).filter(
          // An example must fit the schema: a list's example is a list.
          ([k, v]) =>
            WRITTEN_BY_HAND.includes(k) && !(k === 'example' && derived.type === 'array' && !Array.isArray(v)),
        ),
      );
      // An explicit schema of a free-form field (e.g. additionalProperties) stays when no rule speaks of it.
      const extra = derived.type === 'object' ? { additionalProperties: written.additionalProperties } : {};
      // Nest needs a type for every property: an enum's values say it, else the one written or declared.
      const type = derived.type ?? (derived.enum ? typeof (derived.enum as unknown[])[0] : written.type);
      Reflect.defineMetadata(DECORATORS.API_MODEL_PROPERTIES, { ...kept, ...extra, ...derived, type }, proto, property);
      keys.add(`:${property}`);
    }
    Reflect.defineMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, [...keys], proto);
  }
  described = new Set(classes.map((c) => c.name));
  return described;
}
