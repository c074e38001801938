/** What the registry and counting routes answer as JSON. */
import {
  COUNT_DIMENSIONS,
  EXTERNAL_BODIES,
  RESOLUTION_KINDS,
  RESOLUTION_LEVELS,
  RESOLUTION_STATUSES,
} from '@app/domain';
import {
  ApiBoolean,
  ApiDateTime,
  ApiEnum,
  ApiInt,
  ApiNested,
  ApiNestedList,
  ApiNullableEnum,
  ApiNullableInt,
  ApiNullableNested,
  ApiNullableString,
  ApiString,
} from '../../openapi/schema-props';
import {
  LineageAnnualPlanResponse,
  LineageTargetResponse,
  LineageTaskResponse,
} from '../../supervision/dto/supervision.response';

export class ResolutionResponse {
  @ApiString({ example: 'hg-nq-05-2022' }) id: string;
  @ApiEnum(RESOLUTION_KINDS) kind: string;
  @ApiString({ example: '05-NQ/TU' }) number: string;
  @ApiNullableString({ description: 'the issuing unit, when one of the product' }) issuingUnitId: string | null;
  @ApiNullableEnum(EXTERNAL_BODIES, { description: 'the issuing central body, when no unit' }) externalBody:
    string | null;
  @ApiString({ description: 'the issuing body by name (Vietnamese)', example: 'Tỉnh ủy Hậu Giang' }) issuerName: string;
  @ApiEnum(RESOLUTION_LEVELS) level: string;
  @ApiString({ format: 'date', example: '2022-06-01' }) signedOn: string;
  @ApiInt({ description: 'year signed' }) year: number;
  @ApiString() title: string;
  @ApiString({ example: 'party-building' }) fieldGroup: string;
  @ApiNullableString() memberInChargeId: string | null;
  @ApiNullableString() memberInChargeName: string | null;
  @ApiEnum(RESOLUTION_STATUSES) status: string;
  @ApiNullableString() replacedById: string | null;
  @ApiNullableString() implementsId: string | null;
  @ApiString() createdBy: string;
  @ApiDateTime() createdAt: string;
  @ApiDateTime() updatedAt: string;
}

export class ResolutionPageResponse {
  @ApiNestedList(() => ResolutionResponse) items: ResolutionResponse[];
  @ApiInt() total: number;
  @ApiInt() page: number;
  @ApiInt() pageSize: number;
}

/** A programme implementing an entry; a restricted one the caller does not read is a counted row without content. */
export class ResolutionProgrammeResponse {
  @ApiString() id: string;
  @ApiNullableString() title: string | null;
  @ApiBoolean() restricted: boolean;
  @ApiString() phase: string;
  @ApiNullableString() documentNumber: string | null;
  @ApiString() issuingUnitId: string;
  @ApiString() resolutionId: string;
}

export class ResolutionDetailResponse {
  @ApiNested(() => ResolutionResponse) resolution: ResolutionResponse;
  @ApiNestedList(() => ResolutionResponse, { description: 'the entries it implements, nearest first, up to the top' })
  implements: ResolutionResponse[];
  @ApiNestedList(() => ResolutionResponse, { description: 'the entries that implement it directly' })
  implementedBy: ResolutionResponse[];
  @ApiNullableNested(() => ResolutionResponse) replacedBy: ResolutionResponse | null;
  @ApiNestedList(() => ResolutionProgrammeResponse, { description: 'the programmes that implement it directly' })
  programmes: ResolutionProgrammeResponse[];
}

export class ResolutionCreatedResponse {
  @ApiString() id: string;
  @ApiString() number: string;
  @ApiEnum(RESOLUTION_LEVELS) level: string;
}

export class LineageEntryResponse extends ResolutionResponse {
  @ApiInt({ description: '0 for the entry asked about, 1 for those implementing it, ...' }) depth: number;
}

export class LineageFiguresResponse {
  @ApiInt() annualPlans: number;
  @ApiInt() tasks: number;
  @ApiInt() tasksDone: number;
  @ApiInt() tasksOverdue: number;
  @ApiInt() targets: number;
  @ApiInt({ description: 'targets whose latest value achieved or exceeded the goal' }) targetsAchieved: number;
  @ApiNullableInt({ description: 'tasks done as a percentage of all (not cancelled) tasks; null without tasks' })
  progressPercent: number | null;
}

export class ResolutionLineageProgrammeResponse extends ResolutionProgrammeResponse {
  @ApiNullableString() term: string | null;
  @ApiNestedList(() => LineageAnnualPlanResponse) annualPlans: LineageAnnualPlanResponse[];
  @ApiNestedList(() => LineageTaskResponse) tasks: LineageTaskResponse[];
  @ApiNestedList(() => LineageTargetResponse) targets: LineageTargetResponse[];
  @ApiNested(() => LineageFiguresResponse) figures: LineageFiguresResponse;
}

export class ResolutionLineageResponse {
  @ApiNested(() => ResolutionResponse) resolution: ResolutionResponse;
  @ApiNestedList(() => LineageEntryResponse, { description: 'the entry and those implementing it, at every level' })
  entries: LineageEntryResponse[];
  @ApiNestedList(() => ResolutionLineageProgrammeResponse) programmes: ResolutionLineageProgrammeResponse[];
  @ApiInt() programmesTotal: number;
  @ApiInt({ description: 'of them, restricted ones shown without content' }) programmesWithheld: number;
  @ApiNested(() => LineageFiguresResponse, { description: 'over every programme shown' })
  figures: LineageFiguresResponse;
}

export class KindCountsResponse {
  @ApiInt() RESOLUTION: number;
  @ApiInt() DIRECTIVE: number;
  @ApiInt() CONCLUSION: number;
  @ApiInt() DECISION: number;
  @ApiInt() REGULATION: number;
  @ApiInt() PLAN: number;
  @ApiInt() PROJECT: number;
}

export class CountRowResponse {
  @ApiNullableString({ description: 'the value counted by; null: none (no member in charge, no registry entry)' })
  key: string | null;
  @ApiNullableString({ description: 'its name, for members and kinds' }) label: string | null;
  @ApiInt() resolutions: number;
  @ApiNested(() => KindCountsResponse) resolutionsByKind: KindCountsResponse;
  @ApiInt() programmes: number;
}

export class CountsResponse {
  @ApiString({ example: '2020-2025' }) term: string;
  @ApiEnum(COUNT_DIMENSIONS) by: string;
  @ApiNullableString() committeeId: string | null;
  @ApiNestedList(() => CountRowResponse) rows: CountRowResponse[];
  @ApiNested(() => CountRowResponse) total: CountRowResponse;
}

export class CountedItemResponse {
  @ApiEnum(['resolution', 'programme']) subject: string;
  @ApiString() id: string;
  @ApiNullableString({ description: 'null for a restricted programme the caller does not read' }) title: string | null;
  @ApiNullableString() number: string | null;
  @ApiNullableEnum(RESOLUTION_KINDS) kind: string | null;
  @ApiEnum(RESOLUTION_LEVELS) level: string;
  @ApiInt() year: number;
  @ApiString() fieldGroup: string;
  @ApiNullableString() memberInChargeId: string | null;
  @ApiBoolean() restricted: boolean;
}

export class CountedItemPageResponse {
  @ApiNestedList(() => CountedItemResponse) items: CountedItemResponse[];
  @ApiInt() total: number;
  @ApiInt() page: number;
  @ApiInt() pageSize: number;
}
