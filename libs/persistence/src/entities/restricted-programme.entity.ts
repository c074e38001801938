import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A programme of the secret tier ("Mật"). Kept apart from the `programme` row, which the worker projects
 * from the workflow: the API writes this before the workflow starts, so the programme is never listed
 * unrestricted. Only its named readers and its issuing committee's leaders see its content.
 */
@Entity({ name: 'restricted_programme' })
export class RestrictedProgrammeEntity {
  @PrimaryColumn({ name: 'programme_id', type: 'text', primaryKeyConstraintName: 'pk_restricted_programme' })
  programmeId: string;

  @Column({ name: 'restricted_by', type: 'text' })
  restrictedBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
