/**
 * Short property decorators for response schemas: what each field of an answer is on the wire (dates
 * as ISO-8601 strings, nulls spelled out), so the document, and the console types generated from it,
 * say exactly what the API sends.
 */
import { applyDecorators, Type } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';

interface Doc {
  description?: string;
  example?: unknown;
  format?: string;
  /** The field may be absent from the answer (it is then not listed as required). */
  optional?: boolean;
}

const base = ({ optional, ...doc }: Doc = {}) => ({ ...doc, required: !optional });

export const ApiString = (doc?: Doc) => ApiProperty({ type: String, ...base(doc) });
export const ApiNullableString = (doc?: Doc) => ApiProperty({ type: String, nullable: true, ...base(doc) });
export const ApiDateTime = (doc?: Doc) => ApiProperty({ type: String, format: 'date-time', ...base(doc) });
export const ApiNullableDateTime = (doc?: Doc) =>
  ApiProperty({ type: String, format: 'date-time', nullable: true, ...base(doc) });
export const ApiInt = (doc?: Doc) => ApiProperty({ type: 'integer', ...base(doc) });
export const ApiNullableInt = (doc?: Doc) => ApiProperty({ type: 'integer', nullable: true, ...base(doc) });
export const ApiNumber = (doc?: Doc) => ApiProperty({ type: Number, ...base(doc) });
export const ApiNullableNumber = (doc?: Doc) => ApiProperty({ type: Number, nullable: true, ...base(doc) });
export const ApiBoolean = (doc?: Doc) => ApiProperty({ type: Boolean, ...base(doc) });
export const ApiStringList = (doc?: Doc) => ApiProperty({ type: [String], ...base(doc) });
export const ApiEnum = (values: readonly string[] | object, doc?: Doc) =>
  ApiProperty({ enum: values as string[], ...base(doc) });
export const ApiNullableEnum = (values: readonly string[] | object, doc?: Doc) =>
  ApiProperty({ enum: values as string[], nullable: true, ...base(doc) });
export const ApiEnumList = (values: readonly string[] | object, doc?: Doc) =>
  ApiProperty({ enum: values as string[], isArray: true, ...base(doc) });

/** A JSON object whose keys are not fixed (free-form data such as audit before/after). */
export const ApiFreeObject = (doc?: Doc) => ApiProperty({ type: Object, additionalProperties: true, ...base(doc) });
export const ApiNullableFreeObject = (doc?: Doc) =>
  ApiProperty({ type: Object, additionalProperties: true, nullable: true, ...base(doc) });

// Nest resolves a class given lazily only from a function named `type`, hence the re-wrapping.
/** Another response class. */
export const ApiNested = (cls: () => Type<unknown>, doc?: Doc) => ApiProperty({ type: () => cls(), ...base(doc) });
export const ApiNullableNested = (cls: () => Type<unknown>, doc?: Doc) =>
  ApiProperty({ type: () => cls(), nullable: true, ...base(doc) });
export const ApiNestedList = (cls: () => Type<unknown>, doc?: Doc) =>
  ApiProperty({ type: () => cls(), isArray: true, ...base(doc) });

/** An object keyed by ids or codes whose values all have one shape (a class, or a plain schema). */
export function ApiMap(values: Type<unknown> | Record<string, unknown>, doc?: Doc): PropertyDecorator {
  if (typeof values !== 'function') return ApiProperty({ type: Object, additionalProperties: values, ...base(doc) });
  return (target: object, key: string | symbol) => {
    // The value class must be in the document's components for the reference to resolve.
    applyDecorators(ApiExtraModels(values))(target.constructor);
    ApiProperty({ type: Object, additionalProperties: { $ref: getSchemaPath(values) }, ...base(doc) })(target, key);
  };
}
