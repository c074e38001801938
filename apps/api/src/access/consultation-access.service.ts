import { ForbiddenException, Injectable } from '@nestjs/common';
import type { ProgrammeState } from '@app/domain';
import type { ProgrammeEntity } from '@app/persistence';
import type { Principal } from '../auth/principal';
import { AccessService } from './access.service';
import { visibleProgrammeState, type ProgrammeViewer } from './programme-visibility';

/** A programme's drafts and consultation rounds as one caller may read them. */
export interface ConsultationView {
  programme: ProgrammeEntity;
  viewer: ProgrammeViewer;
  /** The state with what the caller may not read set to null (`programme-visibility`). */
  state: ProgrammeState;
  /** Whether the caller reads the drafts' texts and documents. */
  readsDrafts: boolean;
}

/**
 * Who reads a programme's drafts, their differences and its consultation rounds. Whoever may open the
 * programme (`GET /programmes/:id`) sees each draft's version, author, date and note, and each round's
 * invitees, who answered and when, and who is silent. The texts follow the programme's visibility
 * table: drafts to its leaders, drafting team, supervisors and the invitees of its rounds; an
 * opinion to the leaders, the drafting team and its own author. A difference between two drafts is
 * nothing but their texts, so it is refused (403) to those who do not read them.
 */
@Injectable()
export class ConsultationAccessService {
  constructor(private readonly access: AccessService) {}

  /** The programme (404 unless the caller may open it) as `state` shows it to the caller. */
  async view(principal: Principal, id: string, state: (programme: ProgrammeEntity) => Promise<ProgrammeState>) {
    const programme = await this.access.readableProgramme(principal, id);
    const whole = await state(programme);
    // The live state names the invitees of a round the read model may not have yet.
    const viewer = await this.access.programmeViewer(principal, { ...programme, snapshot: whole as never });
    const visible = visibleProgrammeState(whole, viewer);
    return {
      programme,
      viewer,
      state: visible.state,
      readsDrafts: !visible.withheld.includes('drafts'),
    } satisfies ConsultationView;
  }

  /** 403 unless the caller reads the drafts' texts. */
  assertReadsDrafts(view: ConsultationView): void {
    if (!view.readsDrafts)
      throw new ForbiddenException(
        "only the programme's leaders, drafting team, supervisors and the invitees of its consultation rounds read its drafts",
      );
  }
}
