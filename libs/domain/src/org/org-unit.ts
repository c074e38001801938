/**
 * Kinds of organisational unit, from the provincial committee down to grassroots organisations.
 * Since 1 July 2025 a province has two levels (province and commune): the district committee and the
 * Party delegation of the provincial People's Committee are historical kinds, kept for the units and
 * records made before. What each kind is (label, committee or not, allowed parents): `UNIT_KINDS`.
 */
export enum OrgUnitKind {
  PROVINCIAL_COMMITTEE = 'PROVINCIAL_COMMITTEE',
  STANDING_COMMITTEE = 'STANDING_COMMITTEE',
  ADVISORY_BOARD = 'ADVISORY_BOARD',
  INSPECTION_COMMISSION = 'INSPECTION_COMMISSION',
  PEOPLES_COMMITTEE_DELEGATION = 'PEOPLES_COMMITTEE_DELEGATION',
  DEPARTMENT = 'DEPARTMENT',
  DISTRICT_COMMITTEE = 'DISTRICT_COMMITTEE',
  GRASSROOTS_ORGANISATION = 'GRASSROOTS_ORGANISATION',
  PARTY_AGENCIES_COMMITTEE = 'PARTY_AGENCIES_COMMITTEE',
  PEOPLES_COMMITTEE_PARTY_COMMITTEE = 'PEOPLES_COMMITTEE_PARTY_COMMITTEE',
  COMMUNE_COMMITTEE = 'COMMUNE_COMMITTEE',
}

export interface OrgUnitRef {
  id: string;
  parentId: string | null;
}

/** The unit tree, for scoping: a supervisor of a unit sees that unit and everything below it. */
export class OrgTree {
  private readonly parentOf = new Map<string, string | null>();

  constructor(units: readonly OrgUnitRef[]) {
    for (const u of units) this.parentOf.set(u.id, u.parentId);
  }

  has(unitId: string): boolean {
    return this.parentOf.has(unitId);
  }

  /** The unit itself, then its parent, up to the root. */
  ancestorsOf(unitId: string): string[] {
    const chain: string[] = [];
    let current: string | null | undefined = unitId;
    const seen = new Set<string>();
    while (current && !seen.has(current)) {
      seen.add(current);
      chain.push(current);
      current = this.parentOf.get(current) ?? null;
    }
    return chain;
  }

  isWithin(unitId: string, ancestorId: string): boolean {
    return this.ancestorsOf(unitId).includes(ancestorId);
  }

  /** The unit and all units below it. */
  subtreeOf(rootId: string): string[] {
    return [...this.parentOf.keys()].filter((id) => this.isWithin(id, rootId));
  }
}
