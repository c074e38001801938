import { IsOptional, IsString, Length } from 'class-validator';
import { MAX_ID_LENGTH } from '@app/domain';
import { EmptyPayload, TextPayload } from './common';

export class SubmitOpinionPayload extends TextPayload {
  @IsOptional()
  @IsString()
  @Length(1, MAX_ID_LENGTH)
  onBehalfOf?: string;
}

export const CONSULTATION_PAYLOADS = {
  submitOpinion: SubmitOpinionPayload,
  closeConsultation: EmptyPayload,
};
