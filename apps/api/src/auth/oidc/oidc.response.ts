/** What the single sign-on routes answer. */
import { ApiBoolean, ApiDateTime, ApiInt, ApiNullableString, ApiString } from '../../openapi/schema-props';

/** `GET /auth/oidc`: whether the console shows a single sign-on button, its text and where it leads. */
export class OidcStatusResponse {
  @ApiBoolean() enabled: boolean;
  @ApiNullableString({ description: "the button's text (OIDC_LABEL); null: the console's own words" })
  label: string | null;
  @ApiNullableString({ example: '/auth/oidc/login', description: 'null while single sign-on is off' })
  loginUrl: string | null;
}

/** A provider account linked to a person. */
export class LinkedIdentityResponse {
  @ApiString({ format: 'uuid' }) id: string;
  @ApiString({ example: 'hg-stc-gd' }) personId: string;
  @ApiString({ example: 'https://sso.example.gov.vn/realms/tinh' }) issuer: string;
  @ApiString({ example: '248289761001' }) subject: string;
  @ApiString({ description: 'the admin who linked it' }) linkedBy: string;
  @ApiDateTime() createdAt: Date;
}

/** `DELETE /admin/accounts/{personId}/identities/{identityId}`. */
export class UnlinkedIdentityResponse {
  @ApiString() personId: string;
  @ApiString({ format: 'uuid' }) identityId: string;
  @ApiBoolean({ description: 'always true' }) unlinked: boolean;
  @ApiInt({ description: 'sessions of the person that this ended' }) sessionsEnded: number;
}
