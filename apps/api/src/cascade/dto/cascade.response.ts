/** What the cascade routes answer as JSON. */
import { DEADLINE_KINDS, OBLIGATION_STANDINGS } from '@app/domain';
import {
  ApiDateTime,
  ApiNullableDateTime,
  ApiEnum,
  ApiInt,
  ApiNested,
  ApiNestedList,
  ApiNullableInt,
  ApiNullableString,
  ApiString,
} from '../../openapi/schema-props';
import { LineageFiguresResponse } from '../../resolutions/dto/resolution.response';

export class ObligationProgrammeResponse {
  @ApiString() id: string;
  @ApiNullableString({ description: 'null for a restricted programme you do not read' }) title: string | null;
  @ApiString() phase: string;
  @ApiNullableString({ description: 'the date issued (YYYY-MM-DD), once issued' }) issuedOn: string | null;
}

export class ObligationResponse {
  @ApiString() id: string;
  @ApiString() unitId: string;
  @ApiString() unitName: string;
  @ApiEnum(DEADLINE_KINDS) deadlineKind: string;
  @ApiNullableInt() deadlineDays: number | null;
  @ApiNullableString({ description: 'YYYY-MM-DD, for DATE' }) deadlineDate: string | null;
  @ApiString({ format: 'date', description: 'the last day to issue, on the working-day calendar' }) dueOn: string;
  @ApiDateTime({ description: 'close of business on dueOn, Vietnam time' }) dueAt: string;
  @ApiEnum(OBLIGATION_STANDINGS) standing: string;
  @ApiString({ description: 'the standing in Vietnamese' }) standingVi: string;
  @ApiNullableInt({
    description: 'calendar days late (issued late, or overdue so far); 0 otherwise; null when withdrawn',
  })
  daysLate: number | null;
  @ApiNullableString({ description: 'the fulfilling programme' }) programmeId: string | null;
  @ApiNullableString({ description: 'the date it was issued on (YYYY-MM-DD)' }) issuedOn: string | null;
  @ApiInt() remindersSent: number;
  @ApiInt() escalationsSent: number;
  @ApiNullableDateTime({ description: 'when withdrawn' }) withdrawnAt: string | null;
  @ApiNullableString() withdrawReason: string | null;
  @ApiNestedList(() => ObligationProgrammeResponse, {
    description: "the body's programmes implementing the entry (or an entry of its own implementing it)",
  })
  programmes: ObligationProgrammeResponse[];
  @ApiNested(() => LineageFiguresResponse, { description: 'the roll-up of those programmes' })
  figures: LineageFiguresResponse;
}

export class StandingCountsResponse {
  @ApiInt() ISSUED_ON_TIME: number;
  @ApiInt() ISSUED_LATE: number;
  @ApiInt() OVERDUE: number;
  @ApiInt() PENDING: number;
  @ApiInt() WITHDRAWN: number;
  @ApiInt({ description: 'every obligation but the withdrawn ones' }) total: number;
}

export class CascadeResponse {
  @ApiString() resolutionId: string;
  @ApiString() number: string;
  @ApiString({ format: 'date' }) signedOn: string;
  @ApiString({ format: 'date', description: 'the day the standings are counted on (Vietnam)' }) asOf: string;
  @ApiNested(() => StandingCountsResponse) counts: StandingCountsResponse;
  @ApiNested(() => LineageFiguresResponse, { description: "the roll-up of every obliged body's programmes shown" })
  figures: LineageFiguresResponse;
  @ApiNestedList(() => ObligationResponse) obligations: ObligationResponse[];
}

export class ObligationsCreatedResponse {
  @ApiNestedList(() => ObligationResponse) obligations: ObligationResponse[];
}
