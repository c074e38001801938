import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsString, Length, Min } from 'class-validator';
import { MAX_ID_LENGTH, MAX_LESSONS, MAX_STATEMENT_LENGTH } from '@app/domain';
import { EmptyPayload, ValuesPayload } from './common';

class SubjectPayload {
  @IsIn(['UNIT', 'PERSON'])
  subjectKind: 'UNIT' | 'PERSON';

  @IsString()
  @Length(1, MAX_ID_LENGTH)
  subjectId: string;
}

export class EvaluatePayload extends SubjectPayload {
  @IsIn(['EXCELLENT', 'GOOD', 'COMPLETED', 'NOT_COMPLETED'])
  rating: string;

  @IsString()
  @Length(0, MAX_STATEMENT_LENGTH)
  comment: string;
}

export class CommendPayload extends SubjectPayload {
  @IsString()
  @Length(1, MAX_STATEMENT_LENGTH)
  text: string;
}

/** A commendation at a periodic review (commendAtReview). */
export class CommendAtReviewPayload extends SubjectPayload {
  @IsInt()
  @Min(1)
  reviewSeq: number;

  @IsString()
  @Length(1, MAX_STATEMENT_LENGTH)
  reason: string;
}

export class RecordLessonsPayload {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LESSONS)
  @IsString({ each: true })
  @Length(1, MAX_STATEMENT_LENGTH, { each: true })
  lessons: string[];
}

export const FINAL_REVIEW_PAYLOADS = {
  submitFinalReport: ValuesPayload,
  evaluate: EvaluatePayload,
  commend: CommendPayload,
  recordLessons: RecordLessonsPayload,
  closeProgramme: EmptyPayload,
  commendAtReview: CommendAtReviewPayload,
};
