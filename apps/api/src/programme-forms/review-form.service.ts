import { Injectable, NotFoundException } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { reviewForm, ReviewForm } from '@app/domain';
import type { ProgrammeState } from '@app/domain';
import { programmeViewQuery } from '@app/workflows/programme/definitions';
import { AccessService } from '../access';
import type { Principal } from '../auth/principal';

/**
 * A unit's review report form: the targets with their goals for the review's period, what the unit
 * reported and the latest earlier values (`reviewForm`), for the caller's unit. Read from the live
 * workflow state, so a report just submitted shows; from the read model's snapshot when the workflow
 * does not answer (finished and past retention, or no worker).
 */
@Injectable()
export class ReviewFormService {
  constructor(
    private readonly access: AccessService,
    private readonly temporal: Client,
  ) {}

  async form(principal: Principal, programmeId: string, seq: number): Promise<ReviewForm & { programmeId: string }> {
    const programme = await this.access.readableProgramme(principal, programmeId);
    let state: ProgrammeState;
    try {
      state = (await this.temporal.workflow.getHandle(programme.workflowId).query(programmeViewQuery)).state;
    } catch {
      state = programme.snapshot as unknown as ProgrammeState;
    }
    const form = state?.implementation ? reviewForm(state, seq, principal.unitId) : null;
    if (!form) throw new NotFoundException(`programme ${programmeId} has no review number ${seq}`);
    return { programmeId, ...form };
  }
}
