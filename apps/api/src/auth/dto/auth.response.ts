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

/** `POST /admin/accounts/{personId}/password-reset`: the temporary password, shown this once. */
export class PasswordResetResponse {
  @ApiString({ example: 'hg-stc-gd' }) personId: string;
  @ApiString({ example: 'gd.stc.hg' }) username: string;
  @ApiString({ description: 'given, or generated (four groups of five letters and digits); shown only here' })
  temporaryPassword: string;
  @ApiBoolean({ description: 'always true: the next login can only choose a new password' })
  mustChangePassword: true;
  @ApiInt({ description: 'sessions of the person that this ended' }) sessionsEnded: number;
}
