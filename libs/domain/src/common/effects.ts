/** A row of an entity's audit trail: who did what, and the state before and after. */
export interface AuditEffect {
  type: 'audit';
  action: string;
  actorId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** A notice to people by id, or to the heads of units. */
export interface NotifyEffect {
  type: 'notify';
  kind: string;
  recipientIds: string[];
  headOfUnitIds?: string[];
  params: Record<string, string | number | null>;
}
