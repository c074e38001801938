/**
 * Which HTTP routes are audited acts, and under what name: the one table of the audit. Routes are
 * keyed as Express knows them after routing (`<METHOD> <route template>`), so no controller carries
 * anything for the audit. Workflow actions (`/programmes/:id/actions/*`, task and breakthrough
 * actions) are not here: their workflows write `audit_event`.
 */

/** Who may read an act's rows besides admins: see auditReadScope. */
export type AuditScope =
  /** The act concerns a unit's work: tied to the acting person's unit, which the committee's inspectors see. */
  | 'unit'
  /** Administration of the whole system: system admins only. */
  | 'system'
  /**
   * Administration of a province's organisation: tied to the unit it concerns (`req.auditUnitId`, set
   * by the handler) or else to the acting admin's unit, which that province's admins read.
   */
  | 'province';

export interface AuditedRoute {
  act: string;
  scope: AuditScope;
  /** Only failed attempts are written: a routine success would drown the trail. */
  failuresOnly?: boolean;
  /** The body's `username` names who acts when nobody is authenticated yet (a login). */
  actorInBody?: boolean;
  /** Keeps nothing of the request: its fields are credentials whatever their names (an authorization code). */
  noSummary?: boolean;
  /** Audits only the requests this accepts (a JSON list is a read; its CSV form is an export). */
  when?: (req: { query?: unknown }) => boolean;
  /** A success keeps its answer as the summary (the body is a file: the answer says what it did). */
  summaryOfAnswer?: boolean;
}

const csvExport = (req: { query?: unknown }) => (req.query as Record<string, unknown> | undefined)?.format === 'csv';

export const AUDITED_ROUTES: Readonly<Record<string, AuditedRoute>> = {
  // Sessions
  'POST /auth/login': { act: 'auth.login', scope: 'unit', actorInBody: true },
  'POST /auth/refresh': { act: 'auth.refresh', scope: 'unit', failuresOnly: true },
  'POST /auth/logout': { act: 'auth.logout', scope: 'unit' },
  'POST /auth/password': { act: 'auth.password.change', scope: 'unit' },
  // The identity provider sends the browser back here: a success is a login, a refusal says why not.
  'GET /auth/oidc/callback': { act: 'auth.sso.login', scope: 'unit', noSummary: true },
  // Accounts
  'POST /admin/accounts/:personId/password-reset': { act: 'account.password.reset', scope: 'province' },
  'POST /admin/accounts/:personId/identities': { act: 'account.identity.link', scope: 'system' },
  'DELETE /admin/accounts/:personId/identities/:identityId': { act: 'account.identity.unlink', scope: 'system' },
  'POST /admin/accounts/:personId': { act: 'account.create', scope: 'province' },
  'POST /admin/accounts/:personId/disable': { act: 'account.disable', scope: 'province' },
  'POST /admin/accounts/:personId/enable': { act: 'account.enable', scope: 'province' },
  'POST /admin/accounts/:personId/unlock': { act: 'account.unlock', scope: 'province' },
  // The organisation: units, people, positions
  'POST /admin/units': { act: 'org.unit.create', scope: 'province' },
  'PATCH /admin/units/:id': { act: 'org.unit.update', scope: 'province' },
  'POST /admin/people': { act: 'org.person.create', scope: 'province' },
  'PATCH /admin/people/:id': { act: 'org.person.update', scope: 'province' },
  'POST /admin/positions': { act: 'org.position.create', scope: 'province' },
  'POST /admin/positions/:id/end': { act: 'org.position.end', scope: 'province' },
  // Working-day calendar
  'PUT /admin/calendar/:year': { act: 'calendar.update', scope: 'system' },
  // Notifications and webhooks
  'POST /admin/notifications/failed/retry': { act: 'notification.retry', scope: 'system' },
  'POST /admin/notifications/webhook-allowlist': { act: 'webhook.allowlist.add', scope: 'system' },
  'DELETE /admin/notifications/webhook-allowlist/:id': { act: 'webhook.allowlist.remove', scope: 'system' },
  'PUT /admin/notifications/unit-webhooks/:unitId': { act: 'webhook.set', scope: 'system' },
  'DELETE /admin/notifications/unit-webhooks/:unitId': { act: 'webhook.remove', scope: 'system' },
  'POST /admin/notifications/board-session': { act: 'queue-board.open', scope: 'system' },
  // The audit itself: a bulk copy of the trail leaves the system
  'GET /admin/audit.csv': { act: 'audit.export', scope: 'system' },
  // Rotation: an administrator moves a person's duties (each workflow's history records its part too)
  'POST /organisation/people/:personId/duties/transfer': { act: 'duties.transfer', scope: 'unit' },
  // Restructuring units (the change's own record keeps what it did)
  'POST /organisation/restructurings': { act: 'org.restructure', scope: 'system' },
  // Starting a workflow is not one of its actions
  'POST /programmes': { act: 'programme.create', scope: 'unit' },
  'POST /breakthrough/cycles': { act: 'breakthrough.cycle.start', scope: 'unit' },
  'POST /breakthrough/cycles/:unitId/:year/cascade': { act: 'breakthrough.cycle.cascade', scope: 'unit' },
  // Reports and exports
  'POST /programmes/:id/reports': { act: 'report.generate', scope: 'unit' },
  'GET /programmes/:id/reports/:reportId': { act: 'report.download', scope: 'unit' },
  // Programme documents: adding one, and every download (who read which file, when)
  'POST /programmes/:id/documents': { act: 'document.upload', scope: 'unit' },
  'GET /documents/:id/content': { act: 'document.download', scope: 'unit' },
  'GET /supervision/overview': { act: 'supervision.export', scope: 'unit', when: csvExport },
  'GET /supervision/programmes': { act: 'supervision.export', scope: 'unit', when: csvExport },
  'GET /supervision/lineage': { act: 'supervision.export', scope: 'unit', when: csvExport },
  'GET /supervision/programmes/:id/timeline': { act: 'supervision.export', scope: 'unit', when: csvExport },
  'GET /supervision/responsiveness': { act: 'supervision.export', scope: 'unit', when: csvExport },
  // The resolution registry (reads are not acts; its CSV counts are exports)
  'POST /resolutions': { act: 'resolution.create', scope: 'unit' },
  'PATCH /resolutions/:id': { act: 'resolution.update', scope: 'unit' },
  'POST /resolutions/:id/status': { act: 'resolution.status', scope: 'unit' },
  // Field groups (a province's list; reading it is not an act)
  'POST /field-groups': { act: 'field-group.create', scope: 'province' },
  'PATCH /field-groups/:id': { act: 'field-group.update', scope: 'province' },
  'POST /field-groups/:id/retire': { act: 'field-group.retire', scope: 'province' },
  'GET /supervision/counts': { act: 'supervision.export', scope: 'unit', when: csvExport },
  'GET /supervision/counts/items': { act: 'supervision.export', scope: 'unit', when: csvExport },
  // Yearly appraisal: a rating is an act, the CSV or XLSX file an export
  'PUT /appraisal/:year/:subjectKind/:subjectId': { act: 'appraisal.rate', scope: 'unit' },
  'GET /appraisal/:year': {
    act: 'appraisal.export',
    scope: 'unit',
    when: (req) => ['csv', 'xlsx'].includes(String((req.query as Record<string, unknown> | undefined)?.format)),
  },
  // The cascade: obliging bodies and withdrawing are acts; its CSV is an export
  'POST /resolutions/:id/obligations': { act: 'cascade.oblige', scope: 'unit' },
  'POST /resolutions/:id/obligations/:obligationId/withdraw': { act: 'cascade.withdraw', scope: 'unit' },
  'GET /resolutions/:id/obligations': { act: 'supervision.export', scope: 'unit', when: csvExport },
  // Read-model reconciliation run on demand
  'POST /admin/read-model/reconcile': { act: 'read-model.reconcile', scope: 'system' },
  // Organisation import: the answer holds the counts and the file's checksum
  'POST /admin/organisation/import/apply': { act: 'org.import', scope: 'province', summaryOfAnswer: true },
};

/**
 * Admin and session routes that are deliberately not audited, with the reason: a test requires
 * every `/admin` and `/auth` route to be in one table or the other, so a new one is decided on.
 */
export const NOT_AUDITED: Readonly<Record<string, string>> = {
  'GET /auth/me': 'tells the caller who they are',
  'GET /auth/oidc': 'tells whether single sign-on is on',
  'GET /auth/oidc/login': 'only sends the browser to the identity provider (the callback is the login)',
  'GET /admin/accounts/:personId/identities': "reads a person's single sign-on accounts",
  'GET /admin/calendar': 'reads configuration',
  'GET /admin/calendar/:year': 'reads configuration',
  'GET /admin/read-model/reconciliations': 'reads what reconciliations found (running one is audited)',
  'GET /admin/notifications/failed': 'reads the failed deliveries (a retry is audited)',
  'GET /admin/notifications/webhook-allowlist': 'reads configuration',
  'GET /admin/notifications/unit-webhooks': 'reads configuration (secrets are never returned)',
  'GET /admin/audit': 'reads the audit one page at a time (the CSV export is audited)',
  'GET /organisation/people/:personId/duties': "reads a person's open duties (a transfer is audited)",
  'GET /admin/units': 'reads the unit tree',
  'GET /field-groups': "reads a province's field groups",
  'GET /admin/units/:id': 'reads a unit',
  'GET /admin/people': 'reads people',
  'GET /admin/people/:id': 'reads a person and their positions',
  'GET /admin/positions': 'reads positions',
  'GET /admin/unit-kinds': 'reads the kinds of unit',
  'GET /admin/organisation/import/template.xlsx': 'downloads the empty import template',
  'GET /admin/organisation/import/template-:kind.csv': 'downloads an empty import template',
  'POST /admin/organisation/import/dry-run': 'checks a file and writes nothing (the apply is audited)',
};

/** The key of a routed request, as in the tables above. */
export function routeKey(method: string, routePath: string): string {
  return `${method.toUpperCase()} ${routePath}`;
}

/** The audited act of a routed request, or undefined when it is not one. */
export function auditedRouteOf(req: {
  method: string;
  route?: { path?: unknown };
  query?: unknown;
}): { key: string; audited: AuditedRoute } | undefined {
  const path = req.route?.path;
  if (typeof path !== 'string') return undefined;
  const key = routeKey(req.method, path);
  const audited = AUDITED_ROUTES[key];
  if (!audited || (audited.when && !audited.when(req))) return undefined;
  return { key, audited };
}
