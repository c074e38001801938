import { AdminIdentitiesController } from './admin-identities.controller';
import { OidcLoginService } from './oidc-login.service';
import { OidcController } from './oidc.controller';
import { PendingLogins } from './pending-logins';
import { PersonIdentities } from './person-identities';
import { RelyingParty } from './relying-party';

/** Single sign-on, registered in the auth module beside password sign-in (it opens the same sessions). */
export const OIDC_CONTROLLERS = [OidcController, AdminIdentitiesController];
export const OIDC_PROVIDERS = [RelyingParty, PendingLogins, PersonIdentities, OidcLoginService];
