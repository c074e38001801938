import { Injectable } from '@nestjs/common';
import { AuthService, IssuedSession } from '../auth.service';
import { OidcRefusal } from './oidc-refusal';
import { PendingLogins } from './pending-logins';
import { PersonIdentities } from './person-identities';
import { newSignIn, ProviderAnswer, RelyingParty } from './relying-party';

/**
 * A sign-in through the provider, from leaving to coming back: the provider's word on who signed in,
 * then this system's on who that is (a linked, active person), then an ordinary session, opened as a
 * password login opens one.
 */
@Injectable()
export class OidcLoginService {
  constructor(
    private readonly party: RelyingParty,
    private readonly pending: PendingLogins,
    private readonly identities: PersonIdentities,
    private readonly auth: AuthService,
  ) {}

  /** Where to send the browser; `browser` is its binding cookie, which must come back with the answer. */
  async start(browser: string): Promise<string> {
    const { state, ...login } = newSignIn();
    const url = await this.party.authorizationUrl(state, login);
    await this.pending.put(state, browser, login);
    return url;
  }

  async finish(answer: ProviderAnswer, browser: string | undefined): Promise<IssuedSession> {
    const login = await this.pending.take(answer.state, browser);
    const { issuer, subject } = await this.party.verify(answer, login);
    const person = await this.identities.personOf(issuer, subject);
    if (!person) throw new OidcRefusal('unknown_subject', `subject ${JSON.stringify(subject)} at ${issuer}`);
    if (!person.active) throw new OidcRefusal('account_disabled');
    return this.auth.open(person);
  }
}
