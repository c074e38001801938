import { ApiProperty } from '@nestjs/swagger';
import { IsObject, IsString, Matches } from 'class-validator';
import { MAX_REQUEST_ID_LENGTH, MIN_REQUEST_ID_LENGTH, REQUEST_ID_PATTERN } from '@app/domain';

/** Body of every staff action (programme or task): a client request id (retries have one effect) and the payload. */
export class ActionRequestDto {
  @ApiProperty({
    description: `Client-chosen id, the same on retries (${MIN_REQUEST_ID_LENGTH}-${MAX_REQUEST_ID_LENGTH} characters)`,
    example: '0f6f3f3e-9a7b-4a53-8d0e-2f1c7b1f9f10',
  })
  @IsString()
  @Matches(REQUEST_ID_PATTERN, {
    message: `requestId must be ${MIN_REQUEST_ID_LENGTH}-${MAX_REQUEST_ID_LENGTH} letters, digits, dots, dashes or underscores`,
  })
  requestId: string;

  @ApiProperty({
    description: "The action's data; see the action list in docs/programmes.md",
    type: 'object',
    additionalProperties: true,
  })
  @IsObject()
  payload: Record<string, unknown>;
}
