import { BadRequestException, Injectable, PipeTransform } from '@nestjs/common';
import { MAX_CALENDAR_YEAR, MIN_CALENDAR_YEAR } from '@app/domain/calendar/calendar-year';

/** The years the working-day table can hold; others are refused before they reach the database. */
export const CALENDAR_YEAR_RANGE = { minimum: MIN_CALENDAR_YEAR, maximum: MAX_CALENDAR_YEAR };

/** After ParseIntPipe: a year outside the table's range is a 400, not a database error. */
@Injectable()
export class CalendarYearRangePipe implements PipeTransform<number, number> {
  transform(year: number): number {
    if (year < MIN_CALENDAR_YEAR || year > MAX_CALENDAR_YEAR)
      throw new BadRequestException(`year must be from ${MIN_CALENDAR_YEAR} to ${MAX_CALENDAR_YEAR}`);
    return year;
  }
}
