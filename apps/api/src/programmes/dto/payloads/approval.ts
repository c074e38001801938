import { IsOptional, IsString, Length } from 'class-validator';
import { MAX_STATEMENT_LENGTH } from '@app/domain';

export class ApprovePayload {
  @IsOptional()
  @IsString()
  @Length(1, MAX_STATEMENT_LENGTH)
  note?: string;
}

export class SendBackPayload {
  @IsString()
  @Length(1, MAX_STATEMENT_LENGTH)
  reasons: string;
}

export const APPROVAL_PAYLOADS = {
  approve: ApprovePayload,
  sendBack: SendBackPayload,
};
