import { Phase } from './phase';
import { validateAction } from './programme-actions';
import type { ConsultationRound, ProgrammeState } from './programme-state';
import { act, at, drafter, invitee1, invitee2, toDrafting } from './test-fixtures';
import {
  answeredIds,
  consultationReminderAt,
  quorumReached,
  roundDraftVersion,
  silentInvitees,
} from './consultation-rounds';

const invitee3 = { personId: 'hg-tv3', unitId: 'hg-mttq', roles: invitee1.roles };
const DEADLINE = '2024-02-22T02:00:00Z';

/** Two drafts, then a round of three invitees asking about the second, with the quorum given. */
function roundOfThree(quorum?: number): ProgrammeState {
  const s = toDrafting();
  act(
    s,
    drafter,
    { name: 'submitDraft', payload: { text: 'Dự thảo lần 1', changeNote: 'bản đầu' } },
    at('2024-02-05T02:00:00Z'),
  );
  act(
    s,
    drafter,
    { name: 'submitDraft', payload: { text: 'Dự thảo lần 2', changeNote: 'sửa mục tiêu' } },
    at('2024-02-08T02:00:00Z'),
  );
  const payload = { inviteeIds: ['hg-tv1', 'hg-tv2', 'hg-tv3'], deadline: DEADLINE, ...(quorum ? { quorum } : {}) };
  act(s, drafter, { name: 'openConsultation', payload }, at('2024-02-12T02:00:00Z'));
  return s;
}

const close = (s: ProgrammeState, now: string) =>
  validateAction(s, drafter, { name: 'closeConsultation', payload: {} }, at(now));

describe('a round records the draft version it asks about', () => {
  it('a new round keeps the version current when it opened, and the invitation names it', () => {
    const s = roundOfThree();
    expect(s.consultations[0].draftVersion).toBe(2);
    expect(roundDraftVersion(s, s.consultations[0])).toBe(2);
  });

  it('a round opened before the field existed: the latest draft submitted by its opening', () => {
    const s = roundOfThree();
    const old: ConsultationRound = { ...s.consultations[0] };
    delete old.draftVersion;
    expect(roundDraftVersion(s, old)).toBe(2);
    expect(roundDraftVersion(s, { ...old, openedAt: '2024-02-06T00:00:00.000Z' })).toBe(1);
    expect(roundDraftVersion(s, { ...old, openedAt: '2024-02-01T00:00:00.000Z' })).toBeNull();
  });
});

describe('quorum', () => {
  it('must be a whole number from 1 to the number invited (400 otherwise)', () => {
    const s = toDrafting();
    act(
      s,
      drafter,
      { name: 'submitDraft', payload: { text: 'Dự thảo', changeNote: 'bản đầu' } },
      at('2024-02-05T02:00:00Z'),
    );
    const open = (quorum: number) =>
      validateAction(
        s,
        drafter,
        { name: 'openConsultation', payload: { inviteeIds: ['hg-tv1', 'hg-tv2'], quorum } },
        at('2024-02-06T02:00:00Z'),
      );
    for (const bad of [0, 3, 1.5, -1]) {
      const r = open(bad);
      expect(r?.kind).toBe('INVALID');
      expect(r?.reason).toContain('quorum');
    }
    expect(open(1)).toBeNull();
    expect(open(2)).toBeNull();
  });

  it('with a quorum of 2 of 3: one answer is not enough before the deadline, two are', () => {
    const s = roundOfThree(2);
    expect(s.consultations[0].quorum).toBe(2);
    act(s, invitee1, { name: 'submitOpinion', payload: { text: 'Nhất trí' } }, at('2024-02-13T02:00:00Z'));
    const early = close(s, '2024-02-14T02:00:00Z');
    expect(early?.kind).toBe('WRONG_PHASE');
    expect(early?.reason).toContain('2 of 3');
    expect(quorumReached(s.consultations[0])).toBe(false);
    act(s, invitee2, { name: 'submitOpinion', payload: { text: 'Bổ sung giải pháp' } }, at('2024-02-14T03:00:00Z'));
    expect(quorumReached(s.consultations[0])).toBe(true);
    expect(close(s, '2024-02-14T04:00:00Z')).toBeNull();
    act(s, drafter, { name: 'closeConsultation', payload: {} }, at('2024-02-14T04:00:00Z'));
    expect(s.phase).toBe(Phase.DRAFTING);
    expect(s.consultations[0].silentIds).toEqual(['hg-tv3']);
  });

  it('without a quorum the rule stays: everyone, or the deadline', () => {
    const s = roundOfThree();
    act(s, invitee1, { name: 'submitOpinion', payload: { text: 'Nhất trí' } }, at('2024-02-13T02:00:00Z'));
    act(s, invitee2, { name: 'submitOpinion', payload: { text: 'Nhất trí' } }, at('2024-02-13T03:00:00Z'));
    expect(close(s, '2024-02-14T02:00:00Z')?.kind).toBe('WRONG_PHASE');
    expect(close(s, DEADLINE)).toBeNull();
    act(s, invitee3, { name: 'submitOpinion', payload: { text: 'Nhất trí' } }, at('2024-02-14T03:00:00Z'));
    expect(close(s, '2024-02-14T04:00:00Z')).toBeNull();
  });

  it('a quorum never closes the round for the drafting team: the deadline timer still closes it', () => {
    const s = roundOfThree(1);
    act(s, invitee1, { name: 'submitOpinion', payload: { text: 'Nhất trí' } }, at('2024-02-13T02:00:00Z'));
    expect(s.phase).toBe(Phase.CONSULTATION);
  });
});

describe('answered and silent', () => {
  it('answered in the order they answered, silent in the order invited', () => {
    const s = roundOfThree();
    act(s, invitee2, { name: 'submitOpinion', payload: { text: 'Một' } }, at('2024-02-13T02:00:00Z'));
    act(s, invitee1, { name: 'submitOpinion', payload: { text: 'Hai' } }, at('2024-02-13T05:00:00Z'));
    expect(answeredIds(s.consultations[0])).toEqual(['hg-tv2', 'hg-tv1']);
    expect(silentInvitees(s.consultations[0])).toEqual(['hg-tv3']);
  });
});

describe('consultationReminderAt', () => {
  const round = (openedAt: string, deadline: string) => ({ ...roundOfThree().consultations[0], openedAt, deadline });
  const ms = (iso: string) => Date.parse(iso);

  it('the longest offset falling in the second half of the round', () => {
    // Ten days: "7 days before" would be on day 3, in the first half; "1 day before" is taken.
    const r = round('2024-02-12T02:00:00Z', '2024-02-22T02:00:00Z');
    expect(consultationReminderAt(r, { reminderOffsets: ['P7D', 'P1D'] })).toBe(ms('2024-02-21T02:00:00Z'));
    // Fifteen days: "7 days before" is on day 8, past halfway.
    const long = round('2024-02-12T02:00:00Z', '2024-02-27T02:00:00Z');
    expect(consultationReminderAt(long, { reminderOffsets: ['P7D', 'P1D'] })).toBe(ms('2024-02-20T02:00:00Z'));
  });

  it('halfway when the round is shorter than every offset, none when it has no time at all', () => {
    const short = round('2024-02-12T02:00:00Z', '2024-02-12T02:01:00Z');
    expect(consultationReminderAt(short, { reminderOffsets: ['P7D', 'P1D'] })).toBe(ms('2024-02-12T02:00:30Z'));
    expect(consultationReminderAt(short, { reminderOffsets: ['PT0S'] })).toBe(ms('2024-02-12T02:00:30Z'));
    const none = round('2024-02-12T02:00:00Z', '2024-02-12T02:00:00Z');
    expect(consultationReminderAt(none, { reminderOffsets: ['P1D'] })).toBeNull();
  });
});
