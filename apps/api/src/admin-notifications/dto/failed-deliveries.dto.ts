import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { NOTIFIER_QUEUES, QueueName } from '@app/notifications';

export class FailedDeliveriesQuery {
  @ApiPropertyOptional({ enum: NOTIFIER_QUEUES, description: 'only this queue (default: all notifier queues)' })
  @IsOptional()
  @IsIn(NOTIFIER_QUEUES, { message: `queue must be one of ${NOTIFIER_QUEUES.join(', ')}` })
  queue?: QueueName;

  @ApiPropertyOptional({ default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit = 50;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset = 0;
}

export class RetryFailedDto {
  @ApiProperty({ enum: NOTIFIER_QUEUES })
  @IsIn(NOTIFIER_QUEUES, { message: `queue must be one of ${NOTIFIER_QUEUES.join(', ')}` })
  queue: QueueName;

  @ApiPropertyOptional({ description: 'the failed job to retry; omit to retry every failed job of the queue' })
  @IsOptional()
  @IsString()
  @Length(1, 400)
  jobId?: string;
}
