import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CalendarYear, computedYear, validateCalendarYear } from '@app/domain/calendar';
import { WorkingCalendarYearEntity } from '@app/persistence';
import type { CalendarYearDto } from './dto/calendar-year.dto';

/** The working-day table as admins see and edit it; every write is validated whole, or nothing is written. */
@Injectable()
export class AdminCalendarService {
  constructor(
    @InjectRepository(WorkingCalendarYearEntity) private readonly years: Repository<WorkingCalendarYearEntity>,
  ) {}

  async list() {
    return { items: (await this.years.find({ order: { year: 'ASC' } })).map(toView) };
  }

  async get(year: number) {
    const row = await this.years.findOneBy({ year });
    if (row) return toView(row);
    const computed = computedYear(year);
    if (!computed)
      throw new NotFoundException(`the working-day table has no year ${year}; only weekends are days off in it`);
    return { ...computed, source: 'COMPUTED' as const, updatedBy: null, updatedAt: null };
  }

  async put(year: number, dto: CalendarYearDto, adminId: string) {
    const data: CalendarYear = {
      year,
      holidays: dto.holidays.map(({ date, name }) => ({ date, name })),
      substituteDaysOff: dto.substituteDaysOff.map(({ date, name }) => ({ date, name })),
      makeUpWorkingDays: dto.makeUpWorkingDays.map(({ date, name }) => ({ date, name })),
    };
    const problems = validateCalendarYear(data);
    if (problems.length) throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: problems });
    await this.years.upsert({ year, data, updatedBy: adminId }, ['year']);
    return this.get(year);
  }
}

function toView(row: WorkingCalendarYearEntity) {
  return { ...row.data, year: row.year, source: 'TABLE' as const, updatedBy: row.updatedBy, updatedAt: row.updatedAt };
}
