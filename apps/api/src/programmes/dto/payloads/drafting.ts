import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
} from 'class-validator';
import {
  MAX_DATE_TIME_LENGTH,
  MAX_FREE_TEXT_LENGTH,
  MAX_ID_LENGTH,
  MAX_INVITEES,
  MAX_REASON_LENGTH,
  MAX_REFERENCE_LENGTH,
  MIN_DATE_TIME_LENGTH,
} from '@app/domain';
import { EmptyPayload } from './common';

export class SubmitDraftPayload {
  @IsOptional()
  @IsString()
  @Length(1, MAX_FREE_TEXT_LENGTH)
  text?: string;

  @IsOptional()
  @IsString()
  @Length(1, MAX_REFERENCE_LENGTH)
  documentRef?: string;

  @IsString()
  @Length(1, MAX_REASON_LENGTH)
  changeNote: string;

  /** A document of this programme of kind DRAFT (uploaded first with POST /programmes/{id}/documents). */
  @IsOptional()
  @IsUUID()
  documentId?: string;
}

export class OpenConsultationPayload {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_INVITEES)
  @IsString({ each: true })
  @Length(1, MAX_ID_LENGTH, { each: true })
  inviteeIds: string[];

  @IsOptional()
  @IsString()
  @Length(MIN_DATE_TIME_LENGTH, MAX_DATE_TIME_LENGTH)
  deadline?: string;

  /** Answers after which the drafting team may close the round early; at most the number invited (checked by the domain). */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_INVITEES)
  quorum?: number;
}

export const DRAFTING_PAYLOADS = {
  submitDraft: SubmitDraftPayload,
  openConsultation: OpenConsultationPayload,
  submitForApproval: EmptyPayload,
};
