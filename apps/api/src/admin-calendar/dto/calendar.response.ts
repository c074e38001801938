/** What the working-day table routes answer. */
import {
  ApiEnum,
  ApiInt,
  ApiNestedList,
  ApiNullableDateTime,
  ApiNullableString,
  ApiString,
} from '../../openapi/schema-props';

export class CalendarDayResponse {
  @ApiString({ example: '2027-02-06', description: 'YYYY-MM-DD' }) date: string;
  @ApiString({ example: 'Tết Nguyên đán (mùng 1)' }) name: string;
}

export class CalendarYearResponse {
  @ApiInt({ example: 2027 }) year: number;
  @ApiNestedList(() => CalendarDayResponse) holidays: readonly CalendarDayResponse[];
  @ApiNestedList(() => CalendarDayResponse) substituteDaysOff: readonly CalendarDayResponse[];
  @ApiNestedList(() => CalendarDayResponse) makeUpWorkingDays: readonly CalendarDayResponse[];
  @ApiEnum(['TABLE', 'COMPUTED'], {
    description:
      'TABLE: a year of the table (shipped or edited); COMPUTED: no table for the year, so the statutory holidays computed from the lunar calendar (no swaps) count',
  })
  source: 'TABLE' | 'COMPUTED';
  @ApiNullableString({ description: "who saved it last ('system' for the shipped years; null for a computed year)" })
  updatedBy: string | null;
  @ApiNullableDateTime({ description: 'null for a computed year' }) updatedAt: Date | null;
}

export class CalendarYearListResponse {
  @ApiNestedList(() => CalendarYearResponse) items: CalendarYearResponse[];
}
