/** What the restructuring routes answer. */
import { ORG_CHANGE_KINDS } from '@app/domain';
import {
  ApiBoolean,
  ApiDateTime,
  ApiEnum,
  ApiInt,
  ApiNested,
  ApiNestedList,
  ApiNullableDateTime,
  ApiNullableNested,
  ApiNullableString,
  ApiString,
} from '../../../openapi/schema-props';

export class RestructuringUnitResponse {
  @ApiString() unitId: string;
  @ApiString() unitName: string;
  @ApiString() successorId: string;
  @ApiString() successorName: string;
}

export class RestructuringNewUnitResponse {
  @ApiString() id: string;
  @ApiString() code: string;
  @ApiString() name: string;
  @ApiString() kind: string;
  @ApiNullableString() parentId: string | null;
}

export class RestructuringItemResponse {
  @ApiEnum(['PROGRAMME', 'TASK']) kind: string;
  @ApiString() id: string;
  @ApiString() successorId: string;
  @ApiNullableString() responsiblePersonId: string | null;
}

export class RestructuringProgressResponse {
  @ApiInt({ description: 'running workflows told their new units' }) updated: number;
  @ApiInt({ description: 'workflows that had closed before they could be told' }) skipped: number;
}

export class ReparentedUnitResponse {
  @ApiString() unitId: string;
  @ApiNullableString() from: string | null;
  @ApiNullableString() to: string | null;
}

export class MovedPersonResponse {
  @ApiString() personId: string;
  @ApiString() from: string;
  @ApiString() to: string;
  @ApiBoolean() droppedHead: boolean;
}

export class RestructuringEffectsResponse {
  @ApiNestedList(() => ReparentedUnitResponse) reparented: ReparentedUnitResponse[];
  @ApiNestedList(() => MovedPersonResponse) movedPeople: MovedPersonResponse[];
}

export class RestructuringResponse {
  @ApiString() id: string;
  @ApiString() requestId: string;
  @ApiEnum(ORG_CHANGE_KINDS) kind: string;
  @ApiString({ example: '2025-07-01' }) effectiveDate: string;
  @ApiEnum(['SCHEDULED', 'APPLYING', 'DONE']) status: string;
  @ApiString() reason: string;
  @ApiString() createdBy: string;
  @ApiNestedList(() => RestructuringUnitResponse) units: RestructuringUnitResponse[];
  @ApiNestedList(() => RestructuringNewUnitResponse) newUnits: RestructuringNewUnitResponse[];
  @ApiNestedList(() => RestructuringItemResponse) items: RestructuringItemResponse[];
  @ApiNested(() => RestructuringProgressResponse) progress: RestructuringProgressResponse;
  @ApiNullableNested(() => RestructuringEffectsResponse) appliedEffects: RestructuringEffectsResponse | null;
  @ApiDateTime() createdAt: string;
  @ApiNullableDateTime() appliedAt: string | null;
  @ApiNullableDateTime() completedAt: string | null;
}

export class RestructuringListResponse {
  @ApiNestedList(() => RestructuringResponse) items: RestructuringResponse[];
}
