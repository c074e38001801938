/**
 * The shape of each staff action's payload, checked at the API edge before anything reaches the
 * workflow: unknown fields, wrong types and oversized lists are refused with 400. Whether an
 * action is allowed (person, phase, dates, codes) is decided by the domain validator inside the
 * workflow's update validator; these classes only guard the shape.
 */
import { plainToInstance, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
  ValidateNested,
  validateSync,
  ValidationError,
} from 'class-validator';
import { Comparator, ProgrammeActionName } from '@app/domain';

const ID_LIST_MAX = 10_000;

class EmptyPayload {}

class AssignSurveyorsPayload {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  surveyorIds: string[];
}

class TextPayload {
  @IsString()
  @Length(1, 100_000)
  text: string;
}

class SubmitDraftPayload {
  @IsOptional()
  @IsString()
  @Length(1, 500_000)
  text?: string;

  @IsOptional()
  @IsString()
  @Length(1, 500)
  documentRef?: string;

  @IsString()
  @Length(1, 2000)
  changeNote: string;
}

class OpenConsultationPayload {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ID_LIST_MAX)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  inviteeIds: string[];

  @IsOptional()
  @IsString()
  @Length(10, 40)
  deadline?: string;
}

class SubmitOpinionPayload extends TextPayload {
  @IsOptional()
  @IsString()
  @Length(1, 100)
  onBehalfOf?: string;
}

class ApprovePayload {
  @IsOptional()
  @IsString()
  @Length(1, 5000)
  note?: string;
}

class SendBackPayload {
  @IsString()
  @Length(1, 10_000)
  reasons: string;
}

class GoalDto {
  @IsIn(Object.values(Comparator))
  comparator: Comparator;

  @IsString()
  @Length(1, 40)
  goal: string;

  @IsOptional()
  @IsString()
  @Length(1, 40)
  goalHigh?: string;
}

class TargetDto {
  @IsString()
  @Length(1, 50)
  code: string;

  @IsString()
  @Length(1, 1000)
  name: string;

  @IsString()
  @Length(1, 50)
  unit: string;

  @IsOptional()
  @IsString()
  @Length(1, 40)
  baseline?: string | null;

  @ValidateNested()
  @Type(() => GoalDto)
  goal: GoalDto;

  @IsString()
  @Length(1, 100)
  responsibleUnitId: string;

  @IsOptional()
  @IsObject()
  periodGoals?: Record<string, GoalDto>;
}

export class TaskDto {
  @IsString()
  @Length(1, 50)
  code: string;

  @IsString()
  @Length(1, 1000)
  title: string;

  @IsString()
  @Length(1, 100)
  responsibleUnitId: string;

  @IsString()
  @Length(1, 100)
  responsiblePersonId: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  coordinatingUnitIds?: string[];

  @IsString()
  @Length(10, 40)
  dueAt: string;
}

class SteeringCommitteeDto {
  @IsString()
  @Length(1, 100)
  headId: string;

  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  memberIds: string[];
}

class IssuePayload {
  @IsString()
  @Length(1, 100)
  documentNumber: string;

  @IsString()
  @Length(10, 10)
  issuedOn: string;

  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => TargetDto)
  targets: TargetDto[];

  @IsArray()
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => TaskDto)
  tasks: TaskDto[];

  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  solutions: string[];

  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  resources: string[];

  @IsOptional()
  @ValidateNested()
  @Type(() => SteeringCommitteeDto)
  steeringCommittee?: SteeringCommitteeDto | null;
}

class RecordDisseminationPayload {
  @IsString()
  @Length(10, 10)
  heldOn: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ID_LIST_MAX)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  audienceIds: string[];
}

class AddAnnualPlanPayload {
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @IsString()
  @Length(1, 500)
  title: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  items: string[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => TaskDto)
  tasks?: TaskDto[];
}

class ValuesPayload extends TextPayload {
  /** Target code → reported value (decimal text); the domain checks codes and numbers. */
  @IsObject()
  values: Record<string, string>;
}

class SubmitReviewReportPayload extends ValuesPayload {
  @IsInt()
  @Min(1)
  reviewSeq: number;
}

class RecordInspectionPayload {
  @IsString()
  @Length(1, 100_000)
  findings: string;

  @IsOptional()
  @IsString()
  @Length(1, 100)
  unitId?: string | null;
}

class SubjectPayload {
  @IsIn(['UNIT', 'PERSON'])
  subjectKind: 'UNIT' | 'PERSON';

  @IsString()
  @Length(1, 100)
  subjectId: string;
}

class EvaluatePayload extends SubjectPayload {
  @IsIn(['EXCELLENT', 'GOOD', 'COMPLETED', 'NOT_COMPLETED'])
  rating: string;

  @IsString()
  @Length(0, 10_000)
  comment: string;
}

class CommendPayload extends SubjectPayload {
  @IsString()
  @Length(1, 10_000)
  text: string;
}

class RecordLessonsPayload {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @Length(1, 10_000, { each: true })
  lessons: string[];
}

class ReasonPayload {
  @IsString()
  @Length(1, 5000)
  reason: string;
}

class SupersedePayload extends ReasonPayload {
  @IsString()
  @Length(3, 81)
  byProgrammeId: string;
}

export const ACTION_PAYLOADS: Record<ProgrammeActionName, new () => object> = {
  assignSurveyors: AssignSurveyorsPayload,
  submitSurveyFindings: TextPayload,
  closeSurvey: EmptyPayload,
  submitDraft: SubmitDraftPayload,
  openConsultation: OpenConsultationPayload,
  submitOpinion: SubmitOpinionPayload,
  closeConsultation: EmptyPayload,
  submitForApproval: EmptyPayload,
  approve: ApprovePayload,
  sendBack: SendBackPayload,
  issue: IssuePayload,
  recordDissemination: RecordDisseminationPayload,
  acknowledgeDissemination: EmptyPayload,
  addAnnualPlan: AddAnnualPlanPayload,
  submitReviewReport: SubmitReviewReportPayload,
  recordInspection: RecordInspectionPayload,
  submitFinalReport: ValuesPayload,
  evaluate: EvaluatePayload,
  commend: CommendPayload,
  recordLessons: RecordLessonsPayload,
  closeProgramme: EmptyPayload,
  cancel: ReasonPayload,
  supersede: SupersedePayload,
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
