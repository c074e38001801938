import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { isApprover, isDrafter } from '@app/domain';
import type { ProgrammeState } from '@app/domain';
import { ProgrammeEntity } from '@app/persistence';
import type { Principal } from '../auth/principal';
import { AccessService } from './access.service';

/** A programme whose issuance the caller prepares: what the import needs of it. */
export interface IssuanceProgramme {
  id: string;
  title: string;
  term: string;
  issuingUnitId: string;
}

/**
 * Who prepares a programme's issuance from a spreadsheet (its template and the import's dry run):
 * those the domain lets issue or approve it, i.e. its drafting team (the issuing committee's advisory
 * staff and head, the member in charge) and its approvers (the Standing Committee, the issuing head),
 * with their roles as the programme's authority covers them (`effectiveActor`). A programme the
 * caller may not open is 404, as for its actions; one they open but do not prepare is 403.
 */
@Injectable()
export class IssuanceAccessService {
  constructor(
    private readonly access: AccessService,
    @InjectRepository(ProgrammeEntity) private readonly programmes: Repository<ProgrammeEntity>,
  ) {}

  async programmeToIssue(principal: Principal, id: string): Promise<IssuanceProgramme> {
    const { actor } = await this.access.programmeForAction(principal, id);
    const row = await this.programmes.findOne({
      where: { id },
      select: { id: true, title: true, term: true, issuingUnitId: true, snapshot: true },
    });
    const state = row?.snapshot as Partial<ProgrammeState> | undefined;
    if (!row || !state?.setup) throw new NotFoundException(`programme ${id} not found`);
    const s = state as ProgrammeState;
    if (!isDrafter(s, actor) && !isApprover(s, actor))
      throw new ForbiddenException(
        'only the drafting team (advisory staff, the issuing head, the member in charge) or the approvers prepare the issuance',
      );
    return { id: row.id, title: row.title, term: row.term, issuingUnitId: row.issuingUnitId };
  }
}
