import { ApiProperty } from '@nestjs/swagger';

export class AdminAuditEventResponse {
  @ApiProperty({ description: 'increasing number (bigint as text)' }) id: string;
  @ApiProperty({ type: String, format: 'date-time' }) occurredAt: Date;
  @ApiProperty({ example: 'calendar.update' }) act: string;
  @ApiProperty({ example: 'PUT /admin/calendar/:year' }) route: string;
  @ApiProperty({ description: 'the HTTP status answered: below 400 the act was done' }) status: number;
  @ApiProperty({ type: String, nullable: true, description: "the error's class and message" }) error: string | null;
  @ApiProperty({ type: String, nullable: true }) personId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'for a failed login, the username attempted' })
  username: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the unit the act concerns (acting person’s unit)' })
  unitId: string | null;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true, description: 'route parameters' })
  target: Record<string, unknown> | null;
  @ApiProperty({
    type: 'object',
    nullable: true,
    additionalProperties: true,
    description: 'the request body (or a read’s query) without passwords, tokens or secrets, shortened',
  })
  summary: Record<string, unknown> | null;
  @ApiProperty({ type: String, nullable: true, description: 'the id of what the act created' })
  responseId: string | null;
  @ApiProperty({ type: String, nullable: true }) ip: string | null;
  @ApiProperty({ type: String, nullable: true }) userAgent: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the request id in the HTTP log' })
  requestId: string | null;
}

export class AdminAuditPageResponse {
  @ApiProperty({ type: [AdminAuditEventResponse], description: 'newest first' }) items: AdminAuditEventResponse[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'pass as cursor for the next (older) page; null at the end',
  })
  nextCursor: string | null;
}
