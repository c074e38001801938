/** What the field-group routes answer. */
import {
  ApiBoolean,
  ApiDateTime,
  ApiNestedList,
  ApiNullableDateTime,
  ApiNullableString,
  ApiString,
} from '../../openapi/schema-props';

export class FieldGroupResponse {
  @ApiString({ format: 'uuid' }) id: string;
  @ApiString({ example: 'hg-tu' }) provinceId: string;
  @ApiString({ example: 'economy' }) code: string;
  @ApiString({ example: 'Kinh tế' }) name: string;
  @ApiNullableString({ description: 'the supervising Standing Committee member; null while vacant' })
  supervisorId: string | null;
  @ApiNullableString() supervisorName: string | null;
  @ApiBoolean() retired: boolean;
  @ApiNullableDateTime() retiredAt: string | null;
  @ApiDateTime() createdAt: string;
  @ApiDateTime() updatedAt: string;
}

export class FieldGroupListResponse {
  @ApiString({ example: 'hg-tu' }) provinceId: string;
  @ApiString({ example: 'Tỉnh ủy Hậu Giang' }) provinceName: string;
  @ApiNestedList(() => FieldGroupResponse) items: FieldGroupResponse[];
}
