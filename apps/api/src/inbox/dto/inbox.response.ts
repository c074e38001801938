/** What the inbox routes answer. */
import { PERSON_CHANNELS } from '@app/notifications';
import {
  ApiDateTime,
  ApiEnum,
  ApiEnumList,
  ApiFreeObject,
  ApiInt,
  ApiNestedList,
  ApiNullableDateTime,
  ApiNullableString,
  ApiString,
} from '../../openapi/schema-props';
import { LANGUAGES } from '../notification-preferences.dto';

export class NotificationResponse {
  @ApiString({ format: 'uuid' }) id: string;
  @ApiString({ description: 'exactly-once delivery key' }) idempotencyKey: string;
  @ApiString() recipientId: string;
  @ApiString({ example: 'CONSULTATION_INVITATION' }) kind: string;
  @ApiString() title: string;
  @ApiString() body: string;
  @ApiNullableString() programmeId: string | null;
  @ApiNullableString() taskId: string | null;
  @ApiFreeObject({ description: 'the facts the notification was made from' }) payload: Record<string, unknown>;
  @ApiDateTime() createdAt: Date;
  @ApiNullableDateTime() readAt: Date | null;
}

export class InboxPageResponse {
  @ApiNestedList(() => NotificationResponse) items: NotificationResponse[];
  @ApiInt() total: number;
  @ApiInt() limit: number;
  @ApiInt() offset: number;
}

export class UnreadCountResponse {
  @ApiInt() unread: number;
}

export class MarkedReadResponse {
  @ApiInt({ description: 'notifications marked read now' }) marked: number;
}

export class NotificationPreferencesResponse {
  @ApiEnum(LANGUAGES) locale: string;
  @ApiEnumList(PERSON_CHANNELS) channels: string[];
  @ApiNullableString() email: string | null;
}
