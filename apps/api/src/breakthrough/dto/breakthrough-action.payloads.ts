/**
 * The payload of each breakthrough-cycle action, for the OpenAPI document only: the cycle
 * workflow's validator checks payloads (a refusal answers 400 with the reason); these classes
 * describe what it accepts, and fields it does not read are ignored.
 */
import type { Type } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { BreakthroughActionName } from '@app/domain';

const text = (maxLength: number) => ApiProperty({ type: String, minLength: 1, maxLength, description: 'not blank' });
const registrationNo = () => ApiProperty({ type: 'integer', description: 'the registration number' });
const contentGroup = (description: string) =>
  ApiPropertyOptional({ type: String, minLength: 1, maxLength: 50, description });

export class NoCyclePayload {}

export class RegisterPayload {
  @ApiProperty({ enum: ['UNIT', 'HEAD'], description: "UNIT: the unit's (its head carries it); HEAD: a head's own" })
  kind: 'UNIT' | 'HEAD';
  @text(1000) title: string;
  @text(5000) expectedResult: string;
  @text(5000) measure: string;
  @contentGroup("the code of one of the cycle's content groups; required when the cycle has them")
  contentGroup?: string;
}

export class RevisePayload {
  @registrationNo() no: number;
  @text(1000) title: string;
  @text(5000) expectedResult: string;
  @text(5000) measure: string;
  @contentGroup('moves the registration to another content group; without it the group stays')
  contentGroup?: string;
}

export class AppraisePayload {
  @registrationNo() no: number;
  @ApiProperty({ enum: ['APPROVE', 'REVISE', 'REJECT'] }) decision: 'APPROVE' | 'REVISE' | 'REJECT';
  @ApiPropertyOptional({
    type: String,
    maxLength: 5000,
    description: 'why; required (not blank) unless the decision is APPROVE',
  })
  comments?: string;
}

/** Each cycle action's payload class: its name is the payload's schema in the OpenAPI document. */
export const CYCLE_ACTION_PAYLOADS: Record<BreakthroughActionName, Type<unknown>> = {
  register: RegisterPayload,
  revise: RevisePayload,
  appraise: AppraisePayload,
  closeRegistration: NoCyclePayload,
  closeAppraisal: NoCyclePayload,
};
