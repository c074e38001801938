import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApplicationFailure } from '@temporalio/common';
import { Between, DataSource } from 'typeorm';
import { CalendarYear, calendarSpanProblem, calendarYearsBetween, validateCalendarYears } from '@app/domain/calendar';
import { WorkingCalendarYearEntity } from '@app/persistence';
import type { LoadWorkingCalendarInput } from '@app/workflows/task/activity-interfaces';

/** Reads the admin-edited working-day table for a task workflow; shipped years fill the gaps. */
@Injectable()
export class WorkingCalendarLoaderService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async load(input: LoadWorkingCalendarInput): Promise<CalendarYear[]> {
    const problem = calendarSpanProblem(input?.fromYear, input?.toYear);
    if (problem) throw ApplicationFailure.nonRetryable(problem, 'INVALID_CALENDAR_SPAN');
    const rows = await this.dataSource
      .getRepository(WorkingCalendarYearEntity)
      .find({ where: { year: Between(input.fromYear, input.toYear) } });
    const years = calendarYearsBetween(
      rows.map((r) => r.data),
      input.fromYear,
      input.toYear,
    );
    // The API validates every write; a row edited by hand in SQL must not reach a workflow.
    const errors = validateCalendarYears(years);
    if (errors.length)
      throw ApplicationFailure.nonRetryable(
        `the working-day table is invalid: ${errors.join('; ')}`,
        'INVALID_CALENDAR',
      );
    return years;
  }
}
