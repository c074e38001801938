import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { PersonEntity, PersonIdentityEntity } from '@app/persistence';

export interface LinkedIdentity {
  id: string;
  personId: string;
  issuer: string;
  subject: string;
  linkedBy: string;
  createdAt: Date;
}

const view = (i: PersonIdentityEntity): LinkedIdentity => ({
  id: i.id,
  personId: i.personId,
  issuer: i.issuer,
  subject: i.subject,
  linkedBy: i.linkedBy,
  createdAt: i.createdAt,
});

/**
 * Which person a provider account stands for. The only way from a single sign-on to a person: links
 * are made by admins, never guessed from an e-mail address or a name, never created on first sight.
 */
@Injectable()
export class PersonIdentities {
  constructor(
    @InjectRepository(PersonIdentityEntity) private readonly identities: Repository<PersonIdentityEntity>,
    @InjectRepository(PersonEntity) private readonly people: Repository<PersonEntity>,
  ) {}

  async personOf(issuer: string, subject: string): Promise<PersonEntity | undefined> {
    const link = await this.identities.findOne({ where: { issuer, subject }, relations: { person: true } });
    return link?.person;
  }

  async list(personId: string): Promise<LinkedIdentity[]> {
    await this.existing(personId);
    const rows = await this.identities.find({ where: { personId }, order: { createdAt: 'ASC' } });
    return rows.map(view);
  }

  /** Links once; linking the same account to the same person again changes nothing (`created` false). */
  async link(
    personId: string,
    issuer: string,
    subject: string,
    adminId: string,
  ): Promise<{ created: boolean; identity: LinkedIdentity }> {
    await this.existing(personId);
    const inserted = await this.identities
      .createQueryBuilder()
      .insert()
      .values({ personId, issuer, subject, linkedBy: adminId })
      .orIgnore()
      .returning('id')
      .execute();
    const current = await this.identities.findOneByOrFail({ issuer, subject });
    if (current.personId !== personId)
      throw new ConflictException(
        `subject ${JSON.stringify(subject)} of ${issuer} is already linked to another person (${current.personId}); unlink it there first`,
      );
    return { created: inserted.raw.length > 0, identity: view(current) };
  }

  /** Removes one of the person's links; false when they have no such link. */
  async unlink(personId: string, identityId: string): Promise<boolean> {
    await this.existing(personId);
    const result = await this.identities.delete({ id: identityId, personId });
    return (result.affected ?? 0) > 0;
  }

  private async existing(personId: string): Promise<void> {
    if (!(await this.people.existsBy({ id: personId }))) throw new NotFoundException(`no person ${personId}`);
  }
}
