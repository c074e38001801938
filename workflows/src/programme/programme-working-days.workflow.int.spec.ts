/**
 * Programme deadlines in working days on the time-skipping test server, across Tết 2031: a year no
 * table holds, so its holidays come from the lunar computation (22–26/1/2031, with 27–28/1 off in
 * lieu). A drafting phase and a consultation round of 10 working days opened on Wednesday 15/1
 * end on 5/2, after Tết; the same template counting calendar days ends on 25/1, in the middle of it.
 */
import { randomUUID } from 'node:crypto';
import { WorkflowHandle } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import {
  Actor,
  ActionPayloads,
  findTemplate,
  Phase,
  ProgrammeSetup,
  ProgrammeTemplate,
  Role,
  vnDateOf,
} from '@app/domain';
import { eventually } from '../../../test/utils/eventually';
import { recordHistories } from '../../../test/utils/record-history';
import { recordingActivities } from '../../../test/utils/time-skipping-env';
import { useTimeSkippingEnv } from '../../../test/utils/time-skipping-suite';
import {
  ActionEnvelope,
  ProgrammeActionResult,
  programmeUpdates,
  programmeViewQuery,
  ProgrammeWorkflowInput,
  PROGRAMME_WORKFLOW_TYPE,
} from './definitions';

const person = (personId: string, unitId: string, ...roles: Role[]): Actor => ({ personId, unitId, roles });
const PBT = person('hg-pbt', 'hg-btv', Role.STANDING_COMMITTEE, Role.KEY_CADRE);
const CV = person('hg-cv1', 'hg-tu', Role.ADVISORY_STAFF, Role.STAFF);

const ts = useTimeSkippingEnv();

const WORK_PROGRAMME = findTemplate('work-programme', 2) as ProgrammeTemplate;
/** Version 2 of the work programme, with 10-day drafting and consultation deadlines. */
const IN_WORKING_DAYS: ProgrammeTemplate = {
  ...WORK_PROGRAMME,
  phaseDurations: { ...WORK_PROGRAMME.phaseDurations, DRAFTING: 'P10D' },
  consultationWindow: 'P10D',
};
/** The same durations, counted in calendar days (as every template before the setting). */
const IN_CALENDAR_DAYS: ProgrammeTemplate = { ...IN_WORKING_DAYS, deadlineCounting: undefined };

const TET_2031_LAST_DAY_OFF = '2031-01-28';
const DAY = 86_400_000;

function setupFor(programmeId: string, template: ProgrammeTemplate): ProgrammeSetup {
  return {
    programmeId,
    title: 'Chương trình công tác năm 2031 của Tỉnh ủy',
    templateId: template.id,
    templateVersion: template.version,
    issuingUnitId: 'hg-tu',
    issuingHeadId: 'hg-bithu',
    memberInChargeId: PBT.personId,
    fieldGroup: 'party-building',
    term: '2031-2031',
    implementsResolution: null,
    createdBy: CV.personId,
  };
}

describe('programme deadlines in working days (time-skipping test server, lunar Tết 2031)', () => {
  it('ends a 10-working-day phase and consultation after Tết 2031; 10 calendar days end inside it', async () => {
    const { activities, calendarRequests, programmes } = recordingActivities();
    const { worker, taskQueue } = await ts.startWorker(activities);
    // Wednesday 15/1/2031, 09:00 in Vietnam.
    await ts.skipTo(Date.parse('2031-01-15T02:00:00Z'), 0);

    await worker.runUntil(async () => {
      const start = async (template: ProgrammeTemplate) => {
        const programmeId = `p-${randomUUID()}`;
        const input: ProgrammeWorkflowInput = { setup: setupFor(programmeId, template), template };
        await ts.env.client.workflow.start(PROGRAMME_WORKFLOW_TYPE, {
          args: [input],
          taskQueue,
          workflowId: `programme-${programmeId}`,
        });
        return ts.env.client.workflow.getHandle(`programme-${programmeId}`);
      };
      const act = <N extends 'submitDraft' | 'openConsultation'>(
        handle: WorkflowHandle,
        name: N,
        actor: Actor,
        payload: ActionPayloads[N],
      ): Promise<ProgrammeActionResult> =>
        handle.executeUpdate(programmeUpdates[name] as UpdateDefinition<ProgrammeActionResult, [ActionEnvelope]>, {
          args: [{ actor, requestId: `${handle.workflowId}-${name}`, payload }],
        });
      const working = await start(IN_WORKING_DAYS);
      const calendar = await start(IN_CALENDAR_DAYS);

      // Once the programme has published its first state (what the read model sees), its deadline is final.
      const drafting = async (handle: WorkflowHandle) => {
        await eventually(() => programmes.some((p) => p.workflowId === handle.workflowId), 'the first publication');
        return handle.query(programmeViewQuery);
      };
      const w = await drafting(working);
      const c = await drafting(calendar);
      // 16, 17, 20, 21/1 (4); Tết and the days in lieu 22–28/1 skipped; 29, 30, 31/1 (7); 3, 4, 5/2 (10), at 17:00.
      expect(w.phaseDeadline).toBe('2031-02-05T10:00:00.000Z');
      expect(w.state.phaseHistory[0].deadline).toBe(w.phaseDeadline);
      expect(Date.parse(c.phaseDeadline!) - Date.parse(c.state.phaseEnteredAt)).toBe(10 * DAY);
      expect(vnDateOf(Date.parse(c.phaseDeadline!))).toBe('2031-01-25');
      // Only the working-day programme loaded the table: from the year before it started to past its term.
      expect(calendarRequests).toEqual([{ fromYear: 2030, toYear: 2035 }]);

      for (const handle of [working, calendar]) {
        await act(handle, 'submitDraft', CV, { documentRef: 'DT-01/VPTU', changeNote: 'Dự thảo lần 1' });
        const opened = await act(handle, 'openConsultation', CV, { inviteeIds: [PBT.personId] });
        expect(opened.phase).toBe(Phase.CONSULTATION);
      }
      const round = async (handle: WorkflowHandle) => (await handle.query(programmeViewQuery)).consultation!;
      expect((await round(working)).deadline).toBe('2031-02-05T10:00:00.000Z');
      expect(vnDateOf(Date.parse((await round(calendar)).deadline))).toBe('2031-01-25');

      // The last day of Tết: the calendar-day round has closed at its deadline, the working-day one is still open.
      await ts.skipTo(Date.parse(`${TET_2031_LAST_DAY_OFF}T05:00:00Z`), 0);
      await eventually(
        async () => (await calendar.query(programmeViewQuery)).phase === Phase.DRAFTING,
        'the calendar-day round to close during Tết',
      );
      expect((await working.query(programmeViewQuery)).phase).toBe(Phase.CONSULTATION);

      // The day after the working-day deadline: that round has closed too.
      await ts.skipTo(Date.parse('2031-02-06T02:00:00Z'), 0);
      const closed = await eventually(async () => {
        const v = await working.query(programmeViewQuery);
        return v.phase === Phase.DRAFTING && v;
      }, 'the working-day round to close after Tết');
      expect(closed.state.consultations[0].closedAt! >= '2031-02-05T10:00:00.000Z').toBe(true);

      await recordHistories(ts.env.client, working.workflowId, 'programme-working-days-tet.v2');
    });
  }, 180_000);
});
