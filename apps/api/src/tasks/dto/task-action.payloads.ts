/**
 * The payload of each task action, for the OpenAPI document only: the API passes task payloads on
 * whole and the task workflow's validator checks them (a refusal answers 400 with the reason), so
 * these classes describe what that check accepts; fields it does not read are ignored, not refused.
 */
import type { Type } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { TaskActionName } from '@app/domain';

const text = (maxLength: number, description?: string) =>
  ApiProperty({ type: String, minLength: 1, maxLength, description: description ?? 'not blank' });
const evidenceRefs = () =>
  ApiPropertyOptional({
    type: 'array',
    items: { type: 'string', minLength: 1, maxLength: 200 },
    maxItems: 50,
    description: 'references such as document numbers',
  });

export class NoTaskPayload {}

export class ReportProgressPayload {
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 100 }) percent: number;
  @text(20_000) text: string;
  @evidenceRefs() evidenceRefs?: string[];
}

export class RequestExtensionPayload {
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    description: 'the new due date-time; give this or extendByWorkingDays',
  })
  newDueAt?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 750,
    description: 'working days added to the current due date; give this or newDueAt',
  })
  extendByWorkingDays?: number;

  @text(2000) reason: string;
}

export class DecideExtensionPayload {
  @ApiProperty({ type: Boolean }) approve: boolean;
  @text(2000) reason: string;
}

export class SubmitResultPayload {
  @text(20_000) text: string;
  @evidenceRefs() evidenceRefs?: string[];
}

export class ReturnTaskPayload {
  @text(5000) reasons: string;
}

export class ReassignPayload {
  @text(100, 'person id') toPersonId: string;
  @ApiPropertyOptional({
    type: String,
    minLength: 1,
    maxLength: 100,
    description: "unit id; the person's unit when absent",
  })
  toUnitId?: string;
  @text(2000) reason: string;
}

export class CancelTaskPayload {
  @text(2000) reason: string;
}

/** Each task action's payload class: its name is the payload's schema in the OpenAPI document. */
export const TASK_ACTION_PAYLOADS: Record<TaskActionName, Type<unknown>> = {
  accept: NoTaskPayload,
  reportProgress: ReportProgressPayload,
  requestExtension: RequestExtensionPayload,
  decideExtension: DecideExtensionPayload,
  submitResult: SubmitResultPayload,
  verify: NoTaskPayload,
  returnTask: ReturnTaskPayload,
  reassign: ReassignPayload,
  cancel: CancelTaskPayload,
};
