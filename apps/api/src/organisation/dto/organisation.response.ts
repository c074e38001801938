/** What the organisation administration routes answer. */
import { ALL_SEATS, ALL_UNIT_KINDS } from '@app/domain';
import {
  ApiBoolean,
  ApiEnum,
  ApiInt,
  ApiNested,
  ApiNestedList,
  ApiNullableEnum,
  ApiNullableString,
  ApiString,
  ApiStringList,
} from '../../openapi/schema-props';

export class UnitKindResponse {
  @ApiEnum(ALL_UNIT_KINDS) kind: string;
  @ApiString({ example: 'Đảng ủy xã, phường, đặc khu' }) labelVi: string;
  @ApiString() labelEn: string;
  @ApiBoolean({ description: 'a committee in its own right (its people supervise its subtree)' }) committee: boolean;
  @ApiStringList({ description: 'kinds its parent may have; "" when it may be a root (a province)' })
  parents: string[];
  @ApiBoolean({ description: 'abolished with the district level on 1 July 2025' }) historical: boolean;
}

export class UnitKindListResponse {
  @ApiNestedList(() => UnitKindResponse) items: UnitKindResponse[];
}

export class UnitResponse {
  @ApiString({ example: 'hg-tu' }) id: string;
  @ApiNullableString({ example: 'HG-TU' }) code: string | null;
  @ApiString({ example: 'Tỉnh ủy Hậu Giang' }) name: string;
  @ApiEnum(ALL_UNIT_KINDS) kind: string;
  @ApiString() kindLabelVi: string;
  @ApiString() kindLabelEn: string;
  @ApiBoolean() committee: boolean;
  @ApiNullableString() parentId: string | null;
  @ApiString({ description: 'the root of its tree' }) provinceId: string;
  @ApiNullableString({ format: 'date' }) validFrom: string | null;
  @ApiNullableString({ format: 'date' }) validTo: string | null;
  @ApiString({ example: 'ACTIVE' }) status: string;
  @ApiNullableString() successorId: string | null;
}

export class UnitInTreeResponse extends UnitResponse {
  @ApiInt({ description: 'levels below its province (0: the province)' }) depth: number;
}

export class UnitPageResponse {
  @ApiNestedList(() => UnitInTreeResponse, { description: 'depth first: each unit before the units below it' })
  items: UnitInTreeResponse[];
  @ApiInt() total: number;
  @ApiInt() limit: number;
  @ApiInt() offset: number;
}

export class PositionResponse {
  @ApiString({ format: 'uuid' }) id: string;
  @ApiString() personId: string;
  @ApiString() unitId: string;
  @ApiString({ example: 'Phó Bí thư Thường trực' }) title: string;
  @ApiStringList() roles: string[];
  @ApiNullableEnum(ALL_SEATS) seat: string | null;
  @ApiStringList() fields: string[];
  @ApiString({ format: 'date' }) startsOn: string;
  @ApiNullableString({ format: 'date' }) endsOn: string | null;
  @ApiNullableString() endReason: string | null;
}

export class PositionInContextResponse extends PositionResponse {
  @ApiString() personName: string;
  @ApiString() unitName: string;
}

export class PositionListResponse {
  @ApiNestedList(() => PositionInContextResponse) items: PositionInContextResponse[];
}

export class UnitDetailResponse {
  @ApiNested(() => UnitResponse) unit: UnitResponse;
  @ApiNestedList(() => UnitResponse) children: UnitResponse[];
  @ApiNestedList(() => PositionInContextResponse, { description: 'positions held today' })
  holders: PositionInContextResponse[];
}

export class PersonResponse {
  @ApiString() id: string;
  @ApiString() fullName: string;
  @ApiString({ description: 'the current unit (from the current positions)' }) unitId: string;
  @ApiNullableString() title: string | null;
  @ApiStringList() roles: string[];
  @ApiStringList() fields: string[];
  @ApiNullableString() email: string | null;
  @ApiString({ example: 'vi' }) locale: string;
  @ApiNullableString({ description: 'null: no account' }) username: string | null;
  @ApiBoolean({ description: 'false: the account is disabled' }) active: boolean;
}

export class PersonPageResponse {
  @ApiNestedList(() => PersonResponse) items: PersonResponse[];
  @ApiInt() total: number;
  @ApiInt() limit: number;
  @ApiInt() offset: number;
}

export class PersonDetailResponse {
  @ApiNested(() => PersonResponse) person: PersonResponse;
  @ApiNestedList(() => PositionInContextResponse, { description: 'every position, latest first' })
  positions: PositionInContextResponse[];
}

export class AccountCreatedResponse {
  @ApiString() personId: string;
  @ApiString() username: string;
  @ApiString({ description: 'given, or generated; shown only here' }) temporaryPassword: string;
  @ApiBoolean({ description: 'always true: the first login can only choose a new password' })
  mustChangePassword: true;
}

export class AccountStateResponse {
  @ApiString() personId: string;
  @ApiString() username: string;
  @ApiBoolean() active: boolean;
  @ApiInt({ description: 'sessions this ended' }) sessionsEnded: number;
}

export class AccountUnlockedResponse {
  @ApiString() personId: string;
  @ApiString() username: string;
  @ApiBoolean({ description: 'whether the username was locked out' }) wasLocked: boolean;
}
