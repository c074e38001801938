import { ApiProperty } from '@nestjs/swagger';
import { IsObject, IsString, Matches } from 'class-validator';

/** Body of every staff action (programme or task): a client request id (retries have one effect) and the payload. */
export class ActionRequestDto {
  @ApiProperty({
    description: 'Client-chosen id, the same on retries (8-100 characters)',
    example: '0f6f3f3e-9a7b-4a53-8d0e-2f1c7b1f9f10',
  })
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{8,100}$/, {
    message: 'requestId must be 8-100 letters, digits, dots, dashes or underscores',
  })
  requestId: string;

  @ApiProperty({
    description: "The action's data; see the action list in the README",
    type: 'object',
    additionalProperties: true,
  })
  @IsObject()
  payload: Record<string, unknown>;
}
