import { IsString, Length } from 'class-validator';
import { MAX_PROGRAMME_ID_LENGTH, MAX_REASON_LENGTH, MIN_PROGRAMME_ID_LENGTH } from '@app/domain';

export class ReasonPayload {
  @IsString()
  @Length(1, MAX_REASON_LENGTH)
  reason: string;
}

export class SupersedePayload extends ReasonPayload {
  @IsString()
  @Length(MIN_PROGRAMME_ID_LENGTH, MAX_PROGRAMME_ID_LENGTH)
  byProgrammeId: string;
}

export const ENDING_PAYLOADS = {
  cancel: ReasonPayload,
  supersede: SupersedePayload,
};
