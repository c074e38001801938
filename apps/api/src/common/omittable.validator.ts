import { ValidateIf, ValidationOptions } from 'class-validator';

/**
 * Like `@IsOptional()`, but only absence skips the other rules: a null is validated like any value
 * (and so refused by them), for a property a change may leave out but that has no "none" to set (a
 * name, a language). The OpenAPI document reads the condition: optional, not nullable.
 */
export const IsOmittable = (validationOptions?: ValidationOptions): PropertyDecorator =>
  ValidateIf((_object: object, value: unknown) => value !== undefined, validationOptions);
