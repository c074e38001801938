import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { TaskBucket } from '@app/domain';
import { PageQuery } from '../../common/pagination.query';
import { TASK_SORTS, TaskSort } from './list-tasks.query';

export const TASK_GROUPINGS = ['unit', 'memberInCharge', 'fieldGroup', 'programme'] as const;
export type TaskGrouping = (typeof TASK_GROUPINGS)[number];

/** Filters a supervisor narrows their units' tasks by. */
export class SupervisionFilterQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 100)
  issuingUnitId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 100)
  programmeId?: string;
}

export class TaskBucketsQuery extends SupervisionFilterQuery {
  @ApiProperty({ enum: TASK_GROUPINGS })
  @IsIn(TASK_GROUPINGS)
  groupBy: TaskGrouping;
}

/** Drill-down: the tasks behind one cell of the bucket table. */
export class SupervisionListQuery extends SupervisionFilterQuery {
  @ApiPropertyOptional({ enum: TaskBucket })
  @IsOptional()
  @IsEnum(TaskBucket)
  bucket?: TaskBucket;

  @ApiPropertyOptional({ description: 'responsible unit (the key of groupBy=unit)' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  responsibleUnitId?: string;

  @ApiPropertyOptional({ description: 'the key of groupBy=memberInCharge' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  memberInChargeId?: string;

  @ApiPropertyOptional({ description: 'the key of groupBy=fieldGroup' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  fieldGroup?: string;

  @ApiPropertyOptional({ enum: TASK_SORTS, default: 'dueAt' })
  @IsOptional()
  @IsIn(TASK_SORTS)
  sort: TaskSort = 'dueAt';
}
