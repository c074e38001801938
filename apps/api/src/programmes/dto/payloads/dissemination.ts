import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, Length } from 'class-validator';
import { DATE_LENGTH, MAX_AUDIENCE, MAX_ID_LENGTH } from '@app/domain';
import { EmptyPayload } from './common';

export class RecordDisseminationPayload {
  @IsString()
  @Length(DATE_LENGTH, DATE_LENGTH)
  heldOn: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_AUDIENCE)
  @IsString({ each: true })
  @Length(1, MAX_ID_LENGTH, { each: true })
  audienceIds: string[];
}

export const DISSEMINATION_PAYLOADS = {
  recordDissemination: RecordDisseminationPayload,
  acknowledgeDissemination: EmptyPayload,
};
