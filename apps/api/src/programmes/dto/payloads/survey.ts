import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, Length } from 'class-validator';
import { MAX_ID_LENGTH, MAX_SURVEYORS } from '@app/domain';
import { EmptyPayload, TextPayload } from './common';

export class AssignSurveyorsPayload {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_SURVEYORS)
  @IsString({ each: true })
  @Length(1, MAX_ID_LENGTH, { each: true })
  surveyorIds: string[];
}

export const SURVEY_PAYLOADS = {
  assignSurveyors: AssignSurveyorsPayload,
  submitSurveyFindings: TextPayload,
  closeSurvey: EmptyPayload,
};
