import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Client } from '@temporalio/client';
import { In, Repository } from 'typeorm';
import { answeredIds, diffDrafts, quorumReached, roundDraftVersion, silentInvitees } from '@app/domain';
import type { DraftVersion, ProgrammeState } from '@app/domain';
import { PersonEntity, ProgrammeEntity } from '@app/persistence';
import { programmeViewQuery } from '@app/workflows/programme/definitions';
import { ConsultationAccessService, type ConsultationView } from '../access';
import type { Principal } from '../auth/principal';
import type { ConsultationRoundViewResponse, DraftDiffResponse, DraftResponse } from './dto/consultation.response';

/**
 * A programme's drafts, the difference between two of them, and its consultation rounds, read from
 * the live workflow state (the `view` query), or from the read model once the workflow is gone.
 */
@Injectable()
export class ConsultationService {
  constructor(
    private readonly temporal: Client,
    @InjectRepository(PersonEntity) private readonly people: Repository<PersonEntity>,
    private readonly access: ConsultationAccessService,
  ) {}

  async draft(id: string, version: number, principal: Principal): Promise<DraftResponse> {
    const view = await this.view(id, principal);
    const d = draftOf(id, view.state, version);
    const names = await this.names([d.by]);
    return {
      programmeId: id,
      version: d.version,
      text: d.text,
      documentRef: d.documentRef,
      documentId: view.readsDrafts ? documentIdOf(d) : null,
      changeNote: d.changeNote,
      by: d.by,
      byName: names.get(d.by) ?? null,
      at: d.at,
      withheld: !view.readsDrafts,
    };
  }

  async diff(
    id: string,
    version: number,
    against: number | undefined,
    principal: Principal,
  ): Promise<DraftDiffResponse> {
    const view = await this.view(id, principal);
    this.access.assertReadsDrafts(view);
    const shown = draftOf(id, view.state, version);
    const baseVersion = against ?? (version > 1 ? version - 1 : null);
    const base = baseVersion !== null ? draftOf(id, view.state, baseVersion) : null;
    return { programmeId: id, version, against: base?.version ?? null, ...diffDrafts(base?.text, shown.text) };
  }

  async round(id: string, no: number, principal: Principal): Promise<ConsultationRoundViewResponse> {
    const view = await this.view(id, principal);
    const round = view.state.consultations.find((r) => r.no === no);
    if (!round) throw new NotFoundException(`programme ${id} has no consultation round ${no}`);
    const answered = answeredIds(round);
    const silent = round.closedAt ? round.silentIds : silentInvitees(round);
    const names = await this.names([...answered, ...silent]);
    return {
      programmeId: id,
      no: round.no,
      draftVersion: roundDraftVersion(view.state, round),
      openedAt: round.openedAt,
      deadline: round.deadline,
      closedAt: round.closedAt,
      quorum: round.quorum ?? null,
      quorumReached: quorumReached(round),
      invited: round.inviteeIds.length,
      answered: answered.map((personId) => ({
        personId,
        name: names.get(personId) ?? null,
        at: round.opinions[personId].at,
        text: round.opinions[personId].text ?? null,
      })),
      silent: silent.map((personId) => ({ personId, name: names.get(personId) ?? null })),
      opinionsWithheld: answered.some((personId) => round.opinions[personId].text === null),
    };
  }

  private view(id: string, principal: Principal): Promise<ConsultationView> {
    return this.access.view(principal, id, (programme) => this.liveState(programme));
  }

  /** The workflow's state now; the read model's once the workflow has finished and is past retention. */
  private async liveState(programme: ProgrammeEntity): Promise<ProgrammeState> {
    try {
      return (await this.temporal.workflow.getHandle(programme.workflowId).query(programmeViewQuery)).state;
    } catch {
      const snapshot = programme.snapshot as Partial<ProgrammeState>;
      return {
        ...snapshot,
        drafts: snapshot.drafts ?? [],
        consultations: snapshot.consultations ?? [],
      } as ProgrammeState;
    }
  }

  private async names(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.people.find({ where: { id: In([...new Set(ids)]) }, select: { id: true, fullName: true } });
    return new Map(rows.map((p) => [p.id, p.fullName]));
  }
}

function draftOf(programmeId: string, s: ProgrammeState, version: number): DraftVersion {
  const d = s.drafts.find((x) => x.version === version);
  if (!d) throw new NotFoundException(`programme ${programmeId} has no draft version ${version}`);
  return d;
}

/** The uploaded document a draft names (drafts submitted with a document id carry it). */
function documentIdOf(d: DraftVersion): string | null {
  const id = (d as DraftVersion & { documentId?: string | null }).documentId;
  return typeof id === 'string' ? id : null;
}
