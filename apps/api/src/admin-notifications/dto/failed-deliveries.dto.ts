import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { NOTIFIER_QUEUES, QueueName } from '@app/notifications';
import { OffsetPageQuery } from '../../common/pagination.query';

export class FailedDeliveriesQuery extends OffsetPageQuery {
  @ApiPropertyOptional({ enum: NOTIFIER_QUEUES, description: 'only this queue (default: all notifier queues)' })
  @IsOptional()
  @IsIn(NOTIFIER_QUEUES, { message: `queue must be one of ${NOTIFIER_QUEUES.join(', ')}` })
  queue?: QueueName;
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
