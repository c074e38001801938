import { OrgUnitKind } from './org-unit';

/** The first day of the two-level system (Resolution 202/2025/QH15): district committees end the day before. */
export const TWO_LEVEL_SYSTEM_FROM = '2025-07-01';

export interface UnitKindInfo {
  /** Vietnamese label, for the console and the API. */
  labelVi: string;
  labelEn: string;
  /** A committee in its own right: its people supervise its subtree (scoping reads this). */
  committee: boolean;
  /** The kinds its parent may have; `null` in the list: it may be the root of a tree (a province). */
  parents: ReadonlyArray<OrgUnitKind | null>;
  /** Abolished with the district level: no unit of this kind may start on or after 1 July 2025. */
  historical: boolean;
}

const COMMITTEES_BELOW_PROVINCE = [
  OrgUnitKind.DISTRICT_COMMITTEE,
  OrgUnitKind.PARTY_AGENCIES_COMMITTEE,
  OrgUnitKind.PEOPLES_COMMITTEE_PARTY_COMMITTEE,
  OrgUnitKind.COMMUNE_COMMITTEE,
  OrgUnitKind.GRASSROOTS_ORGANISATION,
];
const ANY_COMMITTEE = [OrgUnitKind.PROVINCIAL_COMMITTEE, ...COMMITTEES_BELOW_PROVINCE];

/** Every kind: what it is called, whether it is a committee, and where it may sit in the tree. */
export const UNIT_KINDS: Readonly<Record<OrgUnitKind, UnitKindInfo>> = {
  [OrgUnitKind.PROVINCIAL_COMMITTEE]: {
    labelVi: 'Tỉnh ủy, Thành ủy trực thuộc Trung ương',
    labelEn: 'provincial Party committee',
    committee: true,
    parents: [null],
    historical: false,
  },
  [OrgUnitKind.STANDING_COMMITTEE]: {
    labelVi: 'Ban Thường vụ',
    labelEn: 'Standing Committee',
    committee: false,
    parents: ANY_COMMITTEE,
    historical: false,
  },
  [OrgUnitKind.ADVISORY_BOARD]: {
    labelVi: 'Cơ quan tham mưu, giúp việc (Ban Tổ chức, Ban Tuyên giáo và Dân vận, Văn phòng...)',
    labelEn: 'advisory board (organisation, propaganda and mass mobilisation, office...)',
    committee: false,
    parents: ANY_COMMITTEE,
    historical: false,
  },
  [OrgUnitKind.INSPECTION_COMMISSION]: {
    labelVi: 'Ủy ban Kiểm tra',
    labelEn: 'inspection commission',
    committee: false,
    parents: ANY_COMMITTEE,
    historical: false,
  },
  [OrgUnitKind.PEOPLES_COMMITTEE_DELEGATION]: {
    labelVi: 'Ban cán sự đảng Ủy ban nhân dân (trước 01/7/2025)',
    labelEn: "Party delegation of the People's Committee (before 1 July 2025)",
    committee: false,
    parents: [OrgUnitKind.PROVINCIAL_COMMITTEE, OrgUnitKind.DISTRICT_COMMITTEE],
    historical: true,
  },
  [OrgUnitKind.DEPARTMENT]: {
    labelVi: 'Sở, ban, ngành',
    labelEn: 'department',
    committee: false,
    parents: [
      OrgUnitKind.PROVINCIAL_COMMITTEE,
      OrgUnitKind.PEOPLES_COMMITTEE_DELEGATION,
      OrgUnitKind.PEOPLES_COMMITTEE_PARTY_COMMITTEE,
      OrgUnitKind.PARTY_AGENCIES_COMMITTEE,
    ],
    historical: false,
  },
  [OrgUnitKind.DISTRICT_COMMITTEE]: {
    labelVi: 'Huyện ủy, Thị ủy, Thành ủy thuộc tỉnh (trước 01/7/2025)',
    labelEn: 'district-level committee (before 1 July 2025)',
    committee: true,
    parents: [OrgUnitKind.PROVINCIAL_COMMITTEE],
    historical: true,
  },
  [OrgUnitKind.GRASSROOTS_ORGANISATION]: {
    labelVi: 'Tổ chức cơ sở đảng',
    labelEn: 'grassroots Party organisation',
    committee: true,
    parents: ANY_COMMITTEE,
    historical: false,
  },
  [OrgUnitKind.PARTY_AGENCIES_COMMITTEE]: {
    labelVi: 'Đảng ủy các cơ quan Đảng tỉnh',
    labelEn: 'Party committee of the provincial Party agencies',
    committee: true,
    parents: [OrgUnitKind.PROVINCIAL_COMMITTEE],
    historical: false,
  },
  [OrgUnitKind.PEOPLES_COMMITTEE_PARTY_COMMITTEE]: {
    labelVi: 'Đảng ủy Ủy ban nhân dân tỉnh',
    labelEn: "Party committee of the provincial People's Committee",
    committee: true,
    parents: [OrgUnitKind.PROVINCIAL_COMMITTEE],
    historical: false,
  },
  [OrgUnitKind.COMMUNE_COMMITTEE]: {
    labelVi: 'Đảng ủy xã, phường, đặc khu',
    labelEn: 'commune-level Party committee (commune, ward, special zone)',
    committee: true,
    parents: [OrgUnitKind.PROVINCIAL_COMMITTEE],
    historical: false,
  },
};

export const ALL_UNIT_KINDS: readonly OrgUnitKind[] = Object.values(OrgUnitKind);

/** The kinds that are committees in their own right. */
export const COMMITTEE_KINDS: readonly OrgUnitKind[] = ALL_UNIT_KINDS.filter((k) => UNIT_KINDS[k].committee);

export function isUnitKind(value: unknown): value is OrgUnitKind {
  return typeof value === 'string' && (ALL_UNIT_KINDS as readonly string[]).includes(value);
}
