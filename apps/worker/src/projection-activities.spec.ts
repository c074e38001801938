import type { Client } from '@temporalio/client';
import type { ProgrammeState, TaskState } from '@app/domain';
import type { BreakthroughCycleRecord, BreakthroughView } from '@app/workflows/breakthrough/definitions';
import { createBreakthroughActivities } from './breakthrough/breakthrough.activities';
import { createProgrammeActivities } from './programmes/programme.activities';
import { createTaskActivities } from './tasks/task.activities';
import type { WorkingCalendarLoaderService } from './tasks/working-calendar-loader.service';

/** A client whose workflows answer every query with `view` (the queries counted), and a projection that records. */
function fakes(view: unknown) {
  const queried: string[] = [];
  const client = {
    workflow: {
      getHandle: (workflowId: string) => ({
        query: async () => {
          queried.push(workflowId);
          return view;
        },
      }),
    },
  } as unknown as Client;
  const calls: Array<[unknown, unknown]> = [];
  const projection = { publish: async (input: unknown, state: unknown) => void calls.push([input, state]) } as never;
  return { client, queried, projection, calls };
}

const events = [{ key: 'k#1' }] as never[];
const notifications = [{ key: 'k#2' }] as never[];

describe('projection activities', () => {
  it('programme: reads the state through the view query, or takes it from inputs of older histories', async () => {
    const live = { version: 7 } as ProgrammeState;
    const { client, queried, projection, calls } = fakes({ state: live });
    const { publishProgrammeChanges } = createProgrammeActivities(projection, client);
    await publishProgrammeChanges({ workflowId: 'programme/p', version: 5, events, notifications });
    // Before the query: the state in the input, and the audit rows called `audits`.
    const carried = { version: 3 } as ProgrammeState;
    await publishProgrammeChanges({ workflowId: 'programme/p', state: carried, audits: events, notifications });
    await publishProgrammeChanges({ workflowId: 'programme/p', version: 4, audits: events, notifications });
    expect(queried).toEqual(['programme/p', 'programme/p']);
    expect(calls).toEqual([
      [{ workflowId: 'programme/p', events, notifications }, live],
      [{ workflowId: 'programme/p', events, notifications }, carried],
      [{ workflowId: 'programme/p', events, notifications }, live],
    ]);
  });

  it('task: reads the state through the view query, or takes it from inputs of older histories', async () => {
    const live = { version: 2 } as TaskState;
    const { client, queried, projection, calls } = fakes({ state: live });
    const { publishTaskChanges } = createTaskActivities(projection, {} as WorkingCalendarLoaderService, client);
    const input = { workflowId: 'task/t', version: 2, events, notifications };
    await publishTaskChanges(input);
    const carried = { version: 1 } as TaskState;
    const legacy = { workflowId: 'task/t', state: carried, events, notifications };
    await publishTaskChanges(legacy);
    expect(queried).toEqual(['task/t']);
    expect(calls).toEqual([
      [input, live],
      [legacy, carried],
    ]);
  });

  it('breakthrough cycle: projects the headline and state of its view, or the one in inputs of older histories', async () => {
    const view = {
      cycleId: 'hd-tu/2027',
      phase: 'APPRAISAL',
      counts: { REGISTERED: 3 },
      runs: 1,
      version: 9,
      state: { setup: { unitId: 'hd-tu', year: 2027, title: 'Việc đột phá' }, summary: null },
    } as unknown as BreakthroughView;
    const { client, queried, projection, calls } = fakes(view);
    const { publishBreakthroughChanges } = createBreakthroughActivities(projection, client);
    const input = { workflowId: 'breakthrough/hd-tu/2027', version: 9, events, notifications };
    await publishBreakthroughChanges(input);
    const cycle = { cycleId: 'hd-tu/2027', version: 4 } as BreakthroughCycleRecord;
    const legacy = { workflowId: 'breakthrough/hd-tu/2027', cycle, events, notifications };
    await publishBreakthroughChanges(legacy);
    expect(queried).toEqual(['breakthrough/hd-tu/2027']);
    expect(calls).toEqual([
      [
        input,
        {
          cycleId: 'hd-tu/2027',
          unitId: 'hd-tu',
          year: 2027,
          title: 'Việc đột phá',
          phase: 'APPRAISAL',
          counts: { REGISTERED: 3 },
          summary: null,
          version: 9,
          // The whole state too: the read model finds appraisers and registrants in it.
          state: view.state,
        },
      ],
      [legacy, cycle],
    ]);
  });
});
