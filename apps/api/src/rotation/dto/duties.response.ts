import { ApiProperty } from '@nestjs/swagger';
import { DUTY_KINDS, DutyKind } from '@app/domain';
import {
  ApiBoolean,
  ApiDateTime,
  ApiEnum,
  ApiInt,
  ApiNestedList,
  ApiNullableDateTime,
  ApiNullableString,
  ApiString,
} from '../../openapi/schema-props';

export const DUTY_OUTCOMES = ['MOVED', 'NOT_MOVED'] as const;
export type DutyOutcome = (typeof DUTY_OUTCOMES)[number];

export class DutyResponse {
  @ApiEnum(DUTY_KINDS) kind: DutyKind;
  @ApiNullableString({ description: 'the programme the duty is in (a task: its programme, if any)' })
  programmeId: string | null;
  @ApiNullableString() taskId: string | null;
  @ApiNullableString({ description: 'a breakthrough cycle, "<unitId>/<year>"' }) cycleId: string | null;
  @ApiString({ description: "the programme's, task's or cycle's title; masked for a secret programme you do not read" })
  title: string;
  @ApiBoolean({ description: 'the title is withheld (secret tier)' }) restricted: boolean;
  @ApiNullableString({ description: 'which part: a consultation round, task codes, a registration, a task status' })
  ref: string | null;
}

export class DutyGroupResponse {
  @ApiEnum(DUTY_KINDS) kind: DutyKind;
  @ApiString({ description: 'the kind in Vietnamese' }) label: string;
  @ApiNestedList(() => DutyResponse) items: DutyResponse[];
}

export class PersonDutiesResponse {
  @ApiString() personId: string;
  @ApiString() fullName: string;
  @ApiString() unitId: string;
  @ApiInt() total: number;
  @ApiNestedList(() => DutyGroupResponse, { description: 'only kinds the person holds, in a fixed order' })
  groups: DutyGroupResponse[];
}

export class DutyTransferItemResponse extends DutyResponse {
  @ApiEnum(DUTY_OUTCOMES) outcome: DutyOutcome;
  @ApiNullableString({ description: 'why it did not move' }) failure: string | null;
}

export class DutyTransferResponse {
  @ApiString() requestId: string;
  @ApiString() personId: string;
  @ApiString() successorPersonId: string;
  @ApiNullableString() successorUnitId: string | null;
  @ApiString() reason: string;
  @ApiProperty({ enum: DUTY_KINDS, isArray: true, nullable: true, description: 'the kinds asked for; null for all' })
  kinds: DutyKind[] | null;
  @ApiString() requestedBy: string;
  @ApiDateTime() requestedAt: string;
  @ApiNullableDateTime() completedAt: string | null;
  @ApiInt() moved: number;
  @ApiInt() notMoved: number;
  @ApiNestedList(() => DutyTransferItemResponse) items: DutyTransferItemResponse[];
}
