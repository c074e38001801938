/** What the working-day table routes answer. */
import { ApiDateTime, ApiInt, ApiNestedList, ApiString } from '../../openapi/schema-props';

export class CalendarDayResponse {
  @ApiString({ example: '2027-02-06', description: 'YYYY-MM-DD' }) date: string;
  @ApiString({ example: 'Tết Nguyên đán (mùng 1)' }) name: string;
}

export class CalendarYearResponse {
  @ApiInt({ example: 2027 }) year: number;
  @ApiNestedList(() => CalendarDayResponse) holidays: readonly CalendarDayResponse[];
  @ApiNestedList(() => CalendarDayResponse) substituteDaysOff: readonly CalendarDayResponse[];
  @ApiNestedList(() => CalendarDayResponse) makeUpWorkingDays: readonly CalendarDayResponse[];
  @ApiString({ description: "who saved it last ('system' for the shipped years)" }) updatedBy: string;
  @ApiDateTime() updatedAt: Date;
}

export class CalendarYearListResponse {
  @ApiNestedList(() => CalendarYearResponse) items: CalendarYearResponse[];
}
