/**
 * The shape of each staff action's payload, checked at the API edge before anything reaches the
 * workflow: unknown fields, wrong types and oversized texts or lists are refused with 400, with the
 * domain's own limits. Whether an action is allowed (person, phase, dates, codes) is decided by the
 * domain validator inside the workflow's update validator; these classes only guard the shape.
 * The classes live by phase in payloads/, as the domain's actions do.
 */
import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { ProgrammeActionName } from '@app/domain';
import { APPROVAL_PAYLOADS } from './payloads/approval';
import { CONSULTATION_PAYLOADS } from './payloads/consultation';
import { DISSEMINATION_PAYLOADS } from './payloads/dissemination';
import { DRAFTING_PAYLOADS } from './payloads/drafting';
import { ENDING_PAYLOADS } from './payloads/ending';
import { FINAL_REVIEW_PAYLOADS } from './payloads/final-review';
import { IMPLEMENTATION_PAYLOADS } from './payloads/implementation';
import { ISSUANCE_PAYLOADS } from './payloads/issuance';
import { SURVEY_PAYLOADS } from './payloads/survey';
import { WORK_PLAN_PAYLOADS } from './payloads/work-plans';

export { TaskDto } from './payloads/common';

export const ACTION_PAYLOADS: Record<ProgrammeActionName, new () => object> = {
  ...SURVEY_PAYLOADS,
  ...DRAFTING_PAYLOADS,
  ...CONSULTATION_PAYLOADS,
  ...APPROVAL_PAYLOADS,
  ...ISSUANCE_PAYLOADS,
  ...DISSEMINATION_PAYLOADS,
  ...IMPLEMENTATION_PAYLOADS,
  ...WORK_PLAN_PAYLOADS,
  ...FINAL_REVIEW_PAYLOADS,
  ...ENDING_PAYLOADS,
};

function flatten(errors: ValidationError[], prefix: string): string[] {
  return errors.flatMap((e) => {
    const path = `${prefix}.${e.property}`;
    const own = Object.entries(e.constraints ?? {}).map(([rule, message]) =>
      rule === 'whitelistValidation'
        ? `${path} is not a field of this action`
        : message.startsWith(e.property)
          ? `${prefix}.${message}`
          : `${path}: ${message}`,
    );
    return [...own, ...flatten(e.children ?? [], path)];
  });
}

/** The reasons a payload has the wrong shape for its action (empty when it is fine). */
export function payloadShapeErrors(action: ProgrammeActionName, payload: Record<string, unknown>): string[] {
  const instance = plainToInstance(ACTION_PAYLOADS[action], payload);
  return flatten(
    validateSync(instance, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: false }),
    'payload',
  );
}
