/** What the notification administration routes answer (secrets never appear). */
import { NOTIFIER_QUEUES } from '@app/notifications';
import {
  ApiBoolean,
  ApiDateTime,
  ApiEnum,
  ApiInt,
  ApiNestedList,
  ApiNullableDateTime,
  ApiNullableString,
  ApiString,
  ApiStringList,
} from '../../openapi/schema-props';

export class FailedDeliveryResponse {
  @ApiEnum(NOTIFIER_QUEUES) queue: string;
  @ApiString() jobId: string;
  @ApiString() name: string;
  @ApiString() failedReason: string;
  @ApiInt() attemptsMade: number;
  @ApiInt() attempts: number;
  @ApiDateTime() enqueuedAt: string;
  @ApiNullableDateTime() failedAt: string | null;
  @ApiNullableString({ description: "the notification's idempotency key, when the job says" }) eventKey: string | null;
  @ApiNullableString({ description: 'the person (or "unit <id>") it was for, when the job says' })
  target: string | null;
}

export class FailedDeliveriesResponse {
  @ApiNestedList(() => FailedDeliveryResponse) items: FailedDeliveryResponse[];
  @ApiInt() total: number;
}

export class RetriedResponse {
  @ApiStringList({ description: 'ids of the jobs sent back to their queue' }) retried: string[];
}

export class AllowlistEntryResponse {
  @ApiString({ format: 'uuid' }) id: string;
  @ApiString({ example: 'https://hooks.haugiang.gov.vn/notifications/' }) urlPrefix: string;
  @ApiNullableString() note: string | null;
  @ApiString() createdBy: string;
  @ApiDateTime() createdAt: Date;
}

export class UnitWebhookResponse {
  @ApiString() unitId: string;
  @ApiString() url: string;
  @ApiBoolean() active: boolean;
  @ApiString() updatedBy: string;
  @ApiDateTime() updatedAt: Date;
}
