import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row (id 1) whose `version` takes a new value from a sequence in the transaction of every change
 * to `org_unit` (a statement trigger, migration NationalReads1796910000000): the API reads the unit
 * tree again only when it differs from the version it holds.
 */
@Entity({ name: 'org_unit_version' })
export class OrgUnitVersionEntity {
  @PrimaryColumn({ type: 'smallint', primaryKeyConstraintName: 'pk_org_unit_version' })
  id: number;

  /** bigint: read as a string. */
  @Column({ type: 'bigint' })
  version: string;
}
