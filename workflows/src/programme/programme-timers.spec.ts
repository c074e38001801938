import {
  closeReview,
  enterPhase,
  findTemplate,
  initialState,
  Phase,
  ProgrammeSetup,
  ProgrammeState,
  ProgrammeTemplate,
} from '@app/domain';
import { fireProgrammeTimer, ProgrammeTimer, programmeTimers } from './programme-timers';

const DAY = 86_400_000;
const template = findTemplate('action-programme', 1) as ProgrammeTemplate;
const START = new Date('2026-01-05T02:00:00Z');
const at = (ms: number) => new Date(ms).toISOString();
const setup: ProgrammeSetup = {
  programmeId: 'p-1',
  title: 'Chương trình hành động số 1',
  templateId: 'action-programme',
  templateVersion: 1,
  issuingUnitId: 'hg-tu',
  issuingHeadId: 'hg-bithu',
  memberInChargeId: 'hg-pbt',
  fieldGroup: 'economy',
  term: '2025-2030',
  implementsResolution: '13-NQ/TW',
  createdBy: 'hg-cv1',
};
const NO_FLAGS = { finalReviewTimers: false, consultationReminders: false };

/** Timers as key → due instant, in firing order. */
const schedule = (timers: ProgrammeTimer[]) =>
  [...timers].sort((a, b) => a.at - b.at || a.key.localeCompare(b.key)).map((t) => [t.key, at(t.at)]);

function inPhase(phase: Phase, now = START): ProgrammeState {
  const s = initialState(setup, template, START);
  if (phase !== s.phase) enterPhase(s, template, phase, now, null, null);
  return s;
}

/** A programme in IMPLEMENTATION whose term (five years, quarterly reviews) started at START. */
function implementing(): ProgrammeState {
  const s = initialState(setup, template, START);
  s.issuance = {
    documentNumber: '1-CTr/TU',
    issuedOn: '2026-01-05',
    by: 'hg-cv1',
    at: START.toISOString(),
    targets: [],
    tasks: [],
    solutions: [],
    resources: [],
    steeringCommittee: null,
  };
  enterPhase(s, template, Phase.IMPLEMENTATION, START, null, null);
  return s;
}

describe('programmeTimers', () => {
  it('reminds before a phase deadline and escalates after it, each escalation after the one before', () => {
    const s = initialState(setup, template, START); // SURVEY, 30 days
    const deadline = START.getTime() + 30 * DAY;
    expect(schedule(programmeTimers(s, template, NO_FLAGS))).toEqual([
      ['p1.remind0', at(deadline - 7 * DAY)],
      ['p1.remind1', at(deadline - DAY)],
      ['p1.escalate0', at(deadline + DAY)],
      ['p1.escalate1', at(deadline + 8 * DAY)],
    ]);
    expect(programmeTimers(s, template, NO_FLAGS).filter((t) => t.kind === 'PHASE_ESCALATION')).toEqual([
      expect.objectContaining({ key: 'p1.escalate0', level: 1 }),
      expect.objectContaining({ key: 'p1.escalate1', level: 2 }),
    ]);
  });

  it('closes a consultation at its deadline instead of escalating, and keys timers by the phase entered', () => {
    const s = inPhase(Phase.CONSULTATION); // 15 days
    const deadline = START.getTime() + 15 * DAY;
    expect(schedule(programmeTimers(s, template, NO_FLAGS))).toEqual([
      ['p2.remind0', at(deadline - 7 * DAY)],
      ['p2.remind1', at(deadline - DAY)],
      ['p2.close', at(deadline)],
    ]);
  });

  it('drops reminders that would fall before the phase began', () => {
    const s = inPhase(Phase.CONSULTATION);
    s.phaseDeadline = at(START.getTime() + 3 * DAY);
    expect(schedule(programmeTimers(s, template, NO_FLAGS)).map(([key]) => key)).toEqual(['p2.remind1', 'p2.close']);
  });

  it('with consultation reminders, an open round reminds its silent invitees once instead of the phase reminders', () => {
    const s = inPhase(Phase.CONSULTATION);
    const deadline = START.getTime() + 10 * DAY;
    s.phaseDeadline = at(deadline);
    s.drafts.push(
      {
        version: 1,
        text: 'Dự thảo lần 1',
        documentRef: null,
        changeNote: 'bản đầu',
        by: 'hg-cv1',
        at: at(START.getTime() - 2 * DAY),
      },
      {
        version: 2,
        text: 'Dự thảo lần 2',
        documentRef: null,
        changeNote: 'sửa',
        by: 'hg-cv1',
        at: at(START.getTime() - DAY),
      },
    );
    s.consultations.push({
      no: 1,
      inviteeIds: ['hg-tv1', 'hg-tv2', 'hg-tv3'],
      deadline: at(deadline),
      openedAt: START.toISOString(),
      opinions: { 'hg-tv1': { text: 'Nhất trí', at: at(START.getTime() + DAY) } },
      closedAt: null,
      silentIds: [],
      quorum: 2,
    });
    const flags = { ...NO_FLAGS, consultationReminders: true };
    // "7 days before" would fall on day 3, in the round's first half: the reminder goes one day before.
    expect(schedule(programmeTimers(s, template, flags))).toEqual([
      ['c1.remind', at(deadline - DAY)],
      ['p2.close', at(deadline)],
    ]);
    const timer = programmeTimers(s, template, flags).find((t) => t.key === 'c1.remind') as ProgrammeTimer;
    // The round predates `draftVersion`: the version current when it opened is named.
    expect(fireProgrammeTimer(s, template, timer, new Date(timer.at))).toEqual([
      {
        type: 'notify',
        kind: 'CONSULTATION_REMINDER',
        recipientIds: ['hg-tv2', 'hg-tv3'],
        params: { title: setup.title, round: 1, deadline: at(deadline), draftVersion: 2 },
      },
    ]);
    // Nobody silent, nobody to remind.
    s.consultations[0].opinions['hg-tv2'] = { text: 'Góp ý', at: at(START.getTime() + DAY) };
    s.consultations[0].opinions['hg-tv3'] = { text: 'Góp ý', at: at(START.getTime() + DAY) };
    expect(fireProgrammeTimer(s, template, timer, new Date(timer.at))).toEqual([]);
    // Without the patch (histories recorded before it), the phase reminders as they were.
    expect(schedule(programmeTimers(s, template, NO_FLAGS)).map(([key]) => key)).toEqual([
      'p2.remind0',
      'p2.remind1',
      'p2.close',
    ]);
  });

  it('schedules every open review (open, reminders, close) and the end of the term during implementation', () => {
    const s = implementing();
    const [first, second] = s.implementation.reviews;
    closeReview(s, first, new Date(first.closesAt));
    const timers = programmeTimers(s, template, NO_FLAGS);
    expect(timers.some((t) => t.kind === 'PHASE_REMINDER' || t.kind === 'PHASE_ESCALATION')).toBe(false);
    expect(timers.some((t) => t.key.startsWith('rv1.'))).toBe(false); // closed
    expect(schedule(timers.filter((t) => t.key.startsWith('rv2.')))).toEqual([
      ['rv2.open', second.opensAt],
      ['rv2.remind0', at(Date.parse(second.closesAt) - 7 * DAY)],
      ['rv2.remind1', at(Date.parse(second.closesAt) - DAY)],
      ['rv2.close', second.closesAt],
    ]);
    expect(timers.find((t) => t.key === 'term.end')).toEqual({
      key: 'term.end',
      at: Date.parse(s.implementation.termEndsAt as string),
      kind: 'TERM_END',
    });
    expect(timers.filter((t) => t.kind === 'REVIEW_CLOSE')).toHaveLength(s.implementation.reviews.length - 1);
  });

  it('gives the final review reminders and escalations only when the caller says so (patched)', () => {
    const s = implementing();
    const termEnd = new Date(s.implementation.termEndsAt as string);
    enterPhase(s, template, Phase.FINAL_REVIEW, termEnd, null, 'term ended');
    const closes = Date.parse(s.finalReview.review!.closesAt);
    const keys = (finalReviewTimers: boolean) =>
      schedule(programmeTimers(s, template, { ...NO_FLAGS, finalReviewTimers })).map(([key]) => key);
    expect(keys(false)).toEqual(['final.close']);
    expect(keys(true)).toEqual([
      'final.remind0',
      'final.remind1',
      'final.close',
      `p${s.phaseSeq}.remind0`,
      `p${s.phaseSeq}.remind1`,
      `p${s.phaseSeq}.escalate0`,
      `p${s.phaseSeq}.escalate1`,
    ]);
    expect(
      programmeTimers(s, template, { ...NO_FLAGS, finalReviewTimers: true }).find((t) => t.key === 'final.remind0')?.at,
    ).toBe(closes - 7 * DAY);
  });

  it('has nothing to wait for in a closed programme', () => {
    expect(programmeTimers(inPhase(Phase.CLOSED), template, { ...NO_FLAGS, finalReviewTimers: true })).toEqual([]);
  });
});

describe('fireProgrammeTimer', () => {
  it('escalates to the member in charge, then to the head of the issuing committee as well', () => {
    const s = initialState(setup, template, START);
    s.survey.surveyorIds = [];
    const now = new Date(START.getTime() + 31 * DAY);
    const escalate = (level: number) =>
      fireProgrammeTimer(s, template, { key: `p1.escalate${level - 1}`, at: 0, kind: 'PHASE_ESCALATION', level }, now);
    expect(escalate(1)).toEqual([
      expect.objectContaining({
        type: 'audit',
        action: 'deadline.escalated',
        after: expect.objectContaining({ level: 1 }),
      }),
      expect.objectContaining({ type: 'notify', kind: 'DEADLINE_ESCALATION', recipientIds: ['hg-pbt'] }),
    ]);
    expect(escalate(2)[1]).toMatchObject({
      recipientIds: ['hg-pbt', 'hg-bithu'],
      params: { level: 2, step: 'SURVEY' },
    });
  });

  it('reminds whoever the phase awaits', () => {
    const s = initialState(setup, template, START);
    const [reminder] = fireProgrammeTimer(s, template, { key: 'p1.remind0', at: 0, kind: 'PHASE_REMINDER' }, START);
    expect(reminder).toMatchObject({
      type: 'notify',
      kind: 'DEADLINE_REMINDER',
      recipientIds: ['hg-pbt'],
      params: { step: 'SURVEY', what: 'assign surveyors', deadline: s.phaseDeadline },
    });
  });

  it('opens and closes reviews, and ends the term into the final review', () => {
    const s = implementing();
    const review = s.implementation.reviews[0];
    expect(fireProgrammeTimer(s, template, { key: 'rv1.open', at: 0, kind: 'REVIEW_OPEN', review: 1 }, START)).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: 'audit', action: 'review.opened' })]),
    );
    fireProgrammeTimer(
      s,
      template,
      { key: 'rv1.close', at: 0, kind: 'REVIEW_CLOSE', review: 1 },
      new Date(review.closesAt),
    );
    expect(review.closedAt).not.toBeNull();
    const termEnd = new Date(s.implementation.termEndsAt as string);
    fireProgrammeTimer(s, template, { key: 'term.end', at: 0, kind: 'TERM_END' }, termEnd);
    expect(s.phase).toBe(Phase.FINAL_REVIEW);
    expect(s.finalReview.review).not.toBeNull();
  });
});
