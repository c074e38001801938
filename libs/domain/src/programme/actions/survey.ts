import { MAX_SURVEYORS } from '../../limits';
import { text } from '../../common/checks';
import { ids } from '../field-checks';
import { isDrafter } from '../permissions';
import { Phase } from '../phase';
import { enterPhase, nextPhaseAfter, requirePhase } from '../phase-transitions';
import { uniqueIds } from '../programme-effect';
import { forbidden, wrongPhase } from '../refusal';
import type { ActionRules } from './action-rule';

export interface SurveyPayloads {
  assignSurveyors: { surveyorIds: string[] };
  submitSurveyFindings: { text: string };
  closeSurvey: Record<string, never>;
}

export const surveyActions: ActionRules<SurveyPayloads> = {
  assignSurveyors: {
    permits: (s, actor) =>
      requirePhase(s, 'assigning surveyors', Phase.SURVEY) ??
      (isDrafter(s, actor) ? null : forbidden('only the drafting team or the member in charge assigns surveyors')),
    validate: (_s, _actor, p) => ids(p.surveyorIds, 'surveyorIds', 1, MAX_SURVEYORS),
    apply: ({ s, audit }, p) => {
      const before = [...s.survey.surveyorIds];
      s.survey.surveyorIds = uniqueIds([...s.survey.surveyorIds, ...p.surveyorIds]);
      return [
        audit({ surveyorIds: s.survey.surveyorIds }, { surveyorIds: before }),
        {
          type: 'notify',
          kind: 'SURVEY_ASSIGNED',
          recipientIds: p.surveyorIds,
          params: { title: s.setup.title, deadline: s.phaseDeadline },
        },
      ];
    },
  },

  submitSurveyFindings: {
    permits: (s, actor) =>
      requirePhase(s, 'submitting survey findings', Phase.SURVEY) ??
      (s.survey.surveyorIds.includes(actor.personId)
        ? null
        : forbidden('only an assigned surveyor submits findings, in person')),
    validate: (_s, _actor, p) => text(p.text, 'text'),
    // A surveyor may send their findings again: the form starts with what they sent.
    form: (s, actor) => ({
      prefill: s.survey.findings[actor.personId] ? { text: s.survey.findings[actor.personId].text } : {},
    }),
    apply: ({ s, at, by, audit }, p) => {
      s.survey.findings[by] = { text: p.text, at };
      return [audit({ surveyor: by, length: p.text.length })];
    },
  },

  closeSurvey: {
    validate: () => null,
    permits: (s, actor) =>
      requirePhase(s, 'closing the survey', Phase.SURVEY) ??
      (isDrafter(s, actor) ? null : forbidden('only the drafting team or the member in charge closes the survey')) ??
      (Object.keys(s.survey.findings).length > 0 ? null : wrongPhase('the survey has no findings yet')),
    apply: ({ s, t, now, by, audit }) => [
      audit({ findings: Object.keys(s.survey.findings).length }),
      ...enterPhase(s, t, nextPhaseAfter(t, Phase.SURVEY), now, by, 'survey closed'),
    ],
  },
};
