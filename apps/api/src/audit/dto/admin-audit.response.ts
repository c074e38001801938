import {
  ApiDateTime,
  ApiInt,
  ApiNestedList,
  ApiNullableFreeObject,
  ApiNullableString,
  ApiString,
} from '../../openapi/schema-props';

export class AdminAuditEventResponse {
  @ApiString({ description: 'increasing number (bigint as text)' }) id: string;
  @ApiDateTime() occurredAt: Date;
  @ApiString({ example: 'calendar.update' }) act: string;
  @ApiString({ example: 'PUT /admin/calendar/:year' }) route: string;
  @ApiInt({ description: 'the HTTP status answered: below 400 the act was done' }) status: number;
  @ApiNullableString({ description: "the error's class and message" }) error: string | null;
  @ApiNullableString() personId: string | null;
  @ApiNullableString({ description: 'for a failed login, the username attempted' }) username: string | null;
  @ApiNullableString({ description: "the acting person's unit, for acts that concern a unit's work" })
  unitId: string | null;
  @ApiNullableFreeObject({ description: 'the route parameters: what was acted on' })
  target: Record<string, unknown> | null;
  @ApiNullableFreeObject({
    description: "the request body (a read's query) without passwords, tokens or secrets, shortened",
  })
  summary: Record<string, unknown> | null;
  @ApiNullableString({ description: 'the id of what the act created' }) responseId: string | null;
  @ApiNullableString() ip: string | null;
  @ApiNullableString() userAgent: string | null;
  @ApiNullableString({ description: 'the request id in the HTTP log' }) requestId: string | null;
}

export class AdminAuditPageResponse {
  @ApiNestedList(() => AdminAuditEventResponse, { description: 'newest first' }) items: AdminAuditEventResponse[];
  @ApiNullableString({ description: 'pass as cursor for the next (older) page; null after the last' })
  nextCursor: string | null;
}
