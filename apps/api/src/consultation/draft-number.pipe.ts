import { BadRequestException, PipeTransform } from '@nestjs/common';

/** Draft versions and round numbers are counted from 1; far beyond any programme's, a number is refused. */
export const MAX_DRAFT_NUMBER = 100_000;

/** A version or round number in the path: a whole number from 1, or 400 naming the parameter. */
export class DraftNumberPipe implements PipeTransform<string, number> {
  constructor(private readonly name: string) {}

  transform(value: string): number {
    const n = /^\d{1,6}$/.test(value) ? Number(value) : NaN;
    if (!(n >= 1 && n <= MAX_DRAFT_NUMBER))
      throw new BadRequestException(
        `${this.name} must be a whole number from 1 to ${MAX_DRAFT_NUMBER}, got "${value}"`,
      );
    return n;
  }
}

/** How the path parameter is documented. */
export const numberParam = (name: string, description: string) =>
  ({ name, type: 'integer', minimum: 1, maximum: MAX_DRAFT_NUMBER, example: 1, description }) as const;
