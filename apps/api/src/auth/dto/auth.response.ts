/** What the authentication routes answer. */
import { Role } from '@app/domain';
import { ApiEnumList, ApiNested, ApiString } from '../../openapi/schema-props';

export class PrincipalResponse {
  @ApiString({ example: 'hg-pbt' }) personId: string;
  @ApiString({ example: 'hg-tu' }) unitId: string;
  @ApiEnumList(Role) roles: Role[];
  @ApiString({ example: 'pbt.hg' }) username: string;
  @ApiString() fullName: string;
}

export class LoginResponse {
  @ApiString({ description: 'send it as `Authorization: Bearer <token>`' }) accessToken: string;
  @ApiNested(() => PrincipalResponse) principal: PrincipalResponse;
}
