import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { TaskStatus } from '@app/domain';
import { PageQuery, queryBoolean } from '../../common/pagination.query';

export const TASK_SORTS = ['dueAt', '-dueAt', 'updatedAt', '-updatedAt'] as const;
export type TaskSort = (typeof TASK_SORTS)[number];

/** Filters of the caller's own task list (the staff inbox). */
export class ListTasksQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Comma-separated statuses', example: 'ASSIGNED,IN_PROGRESS' })
  @IsOptional()
  @Transform(({ value }) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((v) => v.trim())
          .filter(Boolean)
      : value,
  )
  @IsIn(Object.values(TaskStatus), {
    each: true,
    message: `status must be a comma list of ${Object.values(TaskStatus).join(', ')}`,
  })
  status?: TaskStatus[];

  @ApiPropertyOptional({ description: 'Open tasks due within this many days from now' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3650)
  dueWithinDays?: number;

  @ApiPropertyOptional({ description: 'true: open and past the due date; false: everything else' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 100)
  programmeId?: string;

  @ApiPropertyOptional({ description: 'only breakthrough tasks (true) or only the others (false)' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  breakthrough?: boolean;

  @ApiPropertyOptional({ enum: TASK_SORTS, default: 'dueAt' })
  @IsOptional()
  @IsIn(TASK_SORTS)
  sort: TaskSort = 'dueAt';
}
