import { Role, type ProgrammeState } from '@app/domain';
import type { Principal } from '../auth/principal';
import {
  programmeViewer,
  ProgrammePart,
  seesInspectionFindings,
  visibleAuditEvent,
  visibleProgrammeState,
} from './programme-visibility';
import { person, UNITS } from './test-units';

const who = (personId: string, unitId: string, ...roles: Role[]): Principal => ({
  ...person(unitId, ...roles),
  personId,
});

const HEAD = who('bithu', 'hg-tu', Role.HEAD, Role.STANDING_COMMITTEE);
const STANDING = who('tv', 'hg-btv', Role.STANDING_COMMITTEE);
const MEMBER_IN_CHARGE = who('mic', 'hg-btv', Role.KEY_CADRE);
const ADVISOR = who('cv', 'hg-tu', Role.ADVISORY_STAFF, Role.STAFF);
const INSPECTOR = who('ubkt', 'hg-btv', Role.INSPECTOR);
const DEPARTMENT_HEAD = who('gd', 'hg-skhdt', Role.HEAD);
const DISTRICT_STANDING = who('vt-tv', 'hg-vt', Role.STANDING_COMMITTEE);
const OTHER_PROVINCE = who('lc', 'lc-tu', Role.HEAD, Role.STANDING_COMMITTEE);
const ADMIN = who('admin', 'hg-tu', Role.ADMIN);
const SURVEYOR = who('ks', 'hg-vt-x', Role.STAFF);

/** A province programme with a text in every internal part; the department head and the standing member gave opinions. */
const STATE: Partial<ProgrammeState> = {
  setup: { issuingUnitId: 'hg-tu', issuingHeadId: 'bithu', memberInChargeId: 'mic' } as ProgrammeState['setup'],
  survey: { surveyorIds: ['ks'], findings: { ks: { text: 'Thu hút đầu tư thấp', at: '2024-01-20T00:00:00Z' } } },
  drafts: [{ version: 1, text: 'Dự thảo 1', documentRef: 'DT-1', changeNote: 'bản đầu', by: 'cv', at: '2024-02-01' }],
  consultations: [
    {
      no: 1,
      inviteeIds: ['tv', 'gd', 'vt-tv'],
      deadline: '2024-02-20T00:00:00Z',
      openedAt: '2024-02-10T00:00:00Z',
      opinions: { tv: { text: 'Nhất trí', at: '2024-02-11' }, gd: { text: 'Làm rõ nguồn lực', at: '2024-02-12' } },
      closedAt: '2024-02-20T00:00:00Z',
      silentIds: ['vt-tv'],
    },
  ],
  implementation: {
    startedAt: null,
    termEndsAt: null,
    annualPlans: [],
    reviews: [],
    inspections: [{ by: 'ubkt', at: '2024-05-01', findings: 'Chậm xây dựng đề án', unitId: 'hg-skhdt' }],
  },
  finalReview: {
    review: null,
    evaluations: [
      {
        by: 'tv',
        at: '2025-01-01',
        subjectKind: 'UNIT',
        subjectId: 'hg-skhdt',
        rating: 'GOOD',
        comment: 'Khá',
        figures: {},
      },
      {
        by: 'tv',
        at: '2025-01-01',
        subjectKind: 'PERSON',
        subjectId: 'ks',
        rating: 'EXCELLENT',
        comment: 'Tốt',
        figures: {},
      },
    ] as ProgrammeState['finalReview']['evaluations'],
    commendations: [],
    lessons: ['Phân công rõ việc'],
  },
};

const PEOPLE = {
  issuingUnitId: 'hg-tu',
  issuingHeadId: 'bithu',
  memberInChargeId: 'mic',
  inviteeIds: ['tv', 'gd', 'vt-tv'],
};

/** What a viewer reads of each internal text of STATE, null where withheld. */
function seen(principal: Principal, people = PEOPLE) {
  const { state, withheld } = visibleProgrammeState(STATE, programmeViewer(principal, people, UNITS));
  const round = state.consultations![0];
  return {
    opinions: { tv: round.opinions.tv.text, gd: round.opinions.gd.text },
    draft: [state.drafts![0].text, state.drafts![0].documentRef],
    finding: state.survey!.findings.ks.text,
    inspection: state.implementation!.inspections[0].findings,
    evaluations: state.finalReview!.evaluations.map((e) => e.comment),
    withheld,
  };
}

const ALL = {
  opinions: { tv: 'Nhất trí', gd: 'Làm rõ nguồn lực' },
  draft: ['Dự thảo 1', 'DT-1'],
  finding: 'Thu hút đầu tư thấp',
  inspection: 'Chậm xây dựng đề án',
  evaluations: ['Khá', 'Tốt'],
  withheld: [] as ProgrammePart[],
};
const NOTHING = {
  opinions: { tv: null, gd: null },
  draft: [null, null],
  finding: null,
  inspection: null,
  evaluations: [null, null],
  withheld: ['drafts', 'evaluations', 'inspections', 'opinions', 'surveyFindings'] as ProgrammePart[],
};

describe('visibleProgrammeState', () => {
  it("shows everything to the issuing committee's leaders and its drafting team", () => {
    for (const leader of [HEAD, STANDING, MEMBER_IN_CHARGE, ADVISOR]) expect(seen(leader)).toEqual(ALL);
  });

  it("shows supervisors everything but the opinions: the committee's inspectors, a Standing Committee above", () => {
    expect(seen(INSPECTOR)).toEqual({ ...ALL, opinions: NOTHING.opinions, withheld: ['opinions'] });
    const district = { ...PEOPLE, issuingUnitId: 'hg-vt', issuingHeadId: 'vt-bithu', memberInChargeId: 'vt-mic' };
    expect(seen(who('tv2', 'hg-btv', Role.STANDING_COMMITTEE), district)).toEqual({
      ...ALL,
      opinions: NOTHING.opinions,
      withheld: ['opinions'],
    });
  });

  it('shows an author their own opinion and an invitee the drafts; a head the evaluation of their unit', () => {
    expect(seen(DEPARTMENT_HEAD)).toEqual({
      ...NOTHING,
      opinions: { tv: null, gd: 'Làm rõ nguồn lực' },
      draft: ['Dự thảo 1', 'DT-1'],
      evaluations: ['Khá', null],
      withheld: ['evaluations', 'inspections', 'opinions', 'surveyFindings'],
    });
    expect(seen(SURVEYOR)).toEqual({
      ...NOTHING,
      finding: 'Thu hút đầu tư thấp',
      evaluations: [null, 'Tốt'],
      withheld: ['drafts', 'evaluations', 'inspections', 'opinions'],
    });
  });

  it('shows other readers who answered and when, without the texts: another committee, an administrator', () => {
    for (const reader of [DISTRICT_STANDING, OTHER_PROVINCE, ADMIN]) {
      const { state } = visibleProgrammeState(STATE, programmeViewer(reader, PEOPLE, UNITS));
      expect(seen(reader)).toEqual(
        reader === DISTRICT_STANDING
          ? { ...NOTHING, draft: ['Dự thảo 1', 'DT-1'], withheld: NOTHING.withheld.filter((p) => p !== 'drafts') }
          : NOTHING,
      );
      expect(Object.keys(state.consultations![0].opinions)).toEqual(['tv', 'gd']);
      expect(state.consultations![0].opinions.gd.at).toBe('2024-02-12');
      expect(state.finalReview!.lessons).toEqual(['Phân công rõ việc']);
    }
  });

  it('leaves the given state as it was, and copes with a state from before a part existed', () => {
    visibleProgrammeState(STATE, programmeViewer(ADMIN, PEOPLE, UNITS));
    expect(STATE.consultations![0].opinions.tv.text).toBe('Nhất trí');
    expect(visibleProgrammeState({ phase: STATE.phase }, programmeViewer(ADMIN, PEOPLE, UNITS)).withheld).toEqual([]);
  });
});

describe('visibleAuditEvent and the timeline', () => {
  const evaluate = {
    action: 'evaluate',
    after: { subjectKind: 'PERSON', subjectId: 'ks', rating: 'GOOD', comment: 'Khá' },
  };
  const draft = { action: 'submitDraft', after: { version: 1, documentRef: 'DT-1', changeNote: 'bản đầu' } };

  it('hides evaluation ratings and draft references from those who may not read them', () => {
    const admin = programmeViewer(ADMIN, PEOPLE, UNITS);
    expect(visibleAuditEvent(evaluate, admin).after).toEqual({ ...evaluate.after, rating: null, comment: null });
    expect(visibleAuditEvent(draft, admin).after).toEqual({ ...draft.after, documentRef: null });
    expect(visibleAuditEvent({ action: 'approve', after: { note: 'x' } }, admin).after).toEqual({ note: 'x' });
    expect(seesInspectionFindings(admin)).toBe(false);
  });

  it('keeps them for leaders, the person evaluated and invitees', () => {
    expect(visibleAuditEvent(evaluate, programmeViewer(STANDING, PEOPLE, UNITS))).toEqual(evaluate);
    expect(visibleAuditEvent(evaluate, programmeViewer(SURVEYOR, PEOPLE, UNITS))).toEqual(evaluate);
    expect(visibleAuditEvent(draft, programmeViewer(DISTRICT_STANDING, PEOPLE, UNITS))).toEqual(draft);
    expect(seesInspectionFindings(programmeViewer(INSPECTOR, PEOPLE, UNITS))).toBe(true);
  });
});
