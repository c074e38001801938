import { BadRequestException, PipeTransform } from '@nestjs/common';

/** A whole-number path parameter within a range (after ParseIntPipe): 400 naming it otherwise. */
export class YearQuarterPipe implements PipeTransform<number, number> {
  constructor(
    private readonly name: string,
    private readonly min: number,
    private readonly max: number,
  ) {}

  transform(value: number): number {
    if (value < this.min || value > this.max)
      throw new BadRequestException(`${this.name} must be from ${this.min} to ${this.max}, got ${value}`);
    return value;
  }
}
