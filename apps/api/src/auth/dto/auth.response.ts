/** What the authentication routes answer. */
import { Role } from '@app/domain';
import {
  ApiBoolean,
  ApiDateTime,
  ApiEnum,
  ApiEnumList,
  ApiInt,
  ApiNested,
  ApiString,
} from '../../openapi/schema-props';

export class PrincipalResponse {
  @ApiString({ example: 'hg-pbt' }) personId: string;
  @ApiString({ example: 'hg-tu' }) unitId: string;
  @ApiEnumList(Role) roles: Role[];
  @ApiString({ example: 'pbt.hg' }) username: string;
  @ApiString() fullName: string;
}

/** `GET /auth/me`: the person, and whether they must change their password before anything else. */
export class MeResponse extends PrincipalResponse {
  @ApiBoolean() mustChangePassword: boolean;
}

/**
 * A session just opened or renewed. Bearer mode answers the tokens; cookie mode (`session: "cookie"`)
 * puts them in HttpOnly cookies and answers only the CSRF token to echo in `X-CSRF-Token`.
 */
export class LoginResponse {
  @ApiEnum(['Bearer', 'cookie']) tokenType: 'Bearer' | 'cookie';
  @ApiString({ optional: true, description: 'bearer mode: send it as `Authorization: Bearer <token>`' })
  accessToken?: string;
  @ApiString({ optional: true, description: 'bearer mode: trade it at POST /auth/refresh; used once' })
  refreshToken?: string;
  @ApiString({ optional: true, description: 'cookie mode: echo it in `X-CSRF-Token` on unsafe requests' })
  csrfToken?: string;
  @ApiInt({ description: 'seconds the access token lives' }) expiresIn: number;
  @ApiDateTime() refreshTokenExpiresAt: string;
  @ApiNested(() => PrincipalResponse) principal: PrincipalResponse;
  @ApiBoolean() mustChangePassword: boolean;
}
