/** Roles a person holds at their own unit. Vietnamese names are in docs/glossary.md. */
export enum Role {
  /** Người đứng đầu / Bí thư: heads a committee or unit; disseminates personally. */
  HEAD = 'HEAD',
  /** Ban Thường vụ: approves programmes, appraises registrations, supervises. */
  STANDING_COMMITTEE = 'STANDING_COMMITTEE',
  /** Cán bộ chủ chốt: must give opinions on drafts personally. */
  KEY_CADRE = 'KEY_CADRE',
  /** Bộ phận tham mưu: drafts and administers, may not speak for a key cadre. */
  ADVISORY_STAFF = 'ADVISORY_STAFF',
  /** Ủy ban kiểm tra: records inspection findings. */
  INSPECTOR = 'INSPECTOR',
  /** Cán bộ, chuyên viên. */
  STAFF = 'STAFF',
  /** Administers one province: its units, people, positions and accounts (the province of their own unit). */
  ADMIN = 'ADMIN',
  /** Administers the whole system: every province, calendars, restructurings across provinces. */
  SYSTEM_ADMIN = 'SYSTEM_ADMIN',
}

export const ALL_ROLES: readonly Role[] = Object.values(Role);

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ALL_ROLES as readonly string[]).includes(value);
}
