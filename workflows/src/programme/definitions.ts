/**
 * Shared by the API (client side) and the workflow: update, query and payload definitions.
 * Safe in the workflow sandbox: imports only @temporalio/workflow definitions and pure domain code.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import type {
  ActionPayloads,
  Actor,
  AvailableAction,
  ProgrammeActionName,
  ProgrammeSetup,
  ProgrammeState,
  ProgrammeTemplate,
} from '@app/domain';
import { PROGRAMME_ACTIONS } from '@app/domain';
import type { CalendarYear } from '@app/domain/calendar';
import type { RunChain } from '../common/projection-input';
import type { UpdateEnvelope } from '../common/update-envelope';

export const PROGRAMME_WORKFLOW_TYPE = 'programmeWorkflow';

/** Every staff action arrives with its actor and a client request id (one effect per id). */
export type ActionEnvelope<N extends ProgrammeActionName = ProgrammeActionName> = UpdateEnvelope<ActionPayloads[N]>;

export interface ProgrammeView {
  programmeId: string;
  phase: ProgrammeState['phase'];
  phaseDeadline: string | null;
  awaiting: { what: string; fromIds: string[]; deadline: string | null };
  consultation: { round: number; deadline: string; answered: string[]; pending: string[] } | null;
  latestReviewHeadline: string | null;
  disseminationCoverage: { acknowledged: number; audience: number } | null;
  version: number;
  /** The whole state, without the workflow's record of applied request ids (always empty here). */
  state: ProgrammeState;
}

/**
 * What an action answers: the view without the whole state. Update results are written into the
 * workflow history, so they stay small; the `view` query (not recorded) gives the whole state.
 */
export type ProgrammeActionResult = Omit<ProgrammeView, 'state'>;

export interface ProgrammeWorkflowInput {
  setup: ProgrammeSetup;
  /** The template is carried whole, so editing templates never changes a running programme. */
  template: ProgrammeTemplate;
  /** Set on continue-as-new. */
  carried?: CarriedState;
  /** History length that triggers continue-as-new (tests use small values). */
  continueAsNewAfterEvents?: number;
}

export interface CarriedState {
  state: ProgrammeState;
  firedTimerKeys: string[];
  effectSeq: number;
  runs: number;
  /** The working-day table the programme loaded (templates that count working days only). */
  calendarYears?: CalendarYear[];
  chain?: RunChain;
}

export interface ProgrammeOutcome {
  programmeId: string;
  phase: ProgrammeState['phase'];
  runs: number;
  headline: string | null;
}

export const programmeViewQuery = defineQuery<ProgrammeView>('view');

/** What the actor may do on the programme now, with each action's form (at the workflow's time). */
export const programmeAvailableActionsQuery = defineQuery<AvailableAction<ProgrammeActionName>[], [Actor]>(
  'availableActions',
);

type UpdateDefs = { [N in ProgrammeActionName]: UpdateDefinition<ProgrammeActionResult, [ActionEnvelope<N>], N> };

/** One update per staff action, named after it (so histories read like the programme's story). */
export const programmeUpdates: UpdateDefs = Object.fromEntries(
  PROGRAMME_ACTIONS.map((name) => [name, defineUpdate<ProgrammeActionResult, [ActionEnvelope]>(name)]),
) as unknown as UpdateDefs;
