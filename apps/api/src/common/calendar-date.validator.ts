import { applyDecorators } from '@nestjs/common';
import { Matches, ValidateBy } from 'class-validator';
import { isIsoDate } from '@app/domain';

/**
 * A real calendar date written 'YYYY-MM-DD': the pattern documents the shape in the OpenAPI
 * document, and the date itself is checked ('2025-02-30' is refused with 400, never sent to Postgres).
 */
export function IsCalendarDate(field: string): PropertyDecorator {
  const message = `${field} must be a real date YYYY-MM-DD`;
  return applyDecorators(
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message }),
    ValidateBy({ name: 'isCalendarDate', validator: { validate: (v) => isIsoDate(v), defaultMessage: () => message } }),
  );
}
