import { OrgUnitKind, Role } from '@app/domain';

/**
 * Demo organisation drawn from the source reports (Hậu Giang, Lào Cai, Hải Dương). Names of people
 * are invented; unit names and programme facts follow the reports.
 */
export const DEMO_PASSWORD = 'demo-password';

export const DEMO_UNITS: Array<{
  id: string;
  name: string;
  kind: OrgUnitKind;
  parentId: string | null;
  /** The administered code; `code` below derives it from the id when absent. */
  code?: string;
  /** First day (inclusive); the province's founding when absent. */
  validFrom?: string;
}> = [
  { id: 'hg-tu', name: 'Tỉnh ủy Hậu Giang', kind: OrgUnitKind.PROVINCIAL_COMMITTEE, parentId: null },
  { id: 'hg-btv', name: 'Ban Thường vụ Tỉnh ủy Hậu Giang', kind: OrgUnitKind.STANDING_COMMITTEE, parentId: 'hg-tu' },
  { id: 'hg-vp', name: 'Văn phòng Tỉnh ủy Hậu Giang', kind: OrgUnitKind.ADVISORY_BOARD, parentId: 'hg-tu' },
  {
    id: 'hg-ubkt',
    name: 'Ủy ban Kiểm tra Tỉnh ủy Hậu Giang',
    kind: OrgUnitKind.INSPECTION_COMMISSION,
    parentId: 'hg-tu',
  },
  {
    id: 'hg-bcsd',
    name: 'Ban cán sự Đảng UBND tỉnh Hậu Giang',
    kind: OrgUnitKind.PEOPLES_COMMITTEE_DELEGATION,
    parentId: 'hg-tu',
  },
  { id: 'hg-skhdt', name: 'Sở Kế hoạch và Đầu tư Hậu Giang', kind: OrgUnitKind.DEPARTMENT, parentId: 'hg-bcsd' },
  { id: 'hg-stc', name: 'Sở Tài chính Hậu Giang', kind: OrgUnitKind.DEPARTMENT, parentId: 'hg-bcsd' },
  { id: 'hg-vithanh', name: 'Thành ủy Vị Thanh', kind: OrgUnitKind.DISTRICT_COMMITTEE, parentId: 'hg-tu' },
  { id: 'lc-tu', name: 'Tỉnh ủy Lào Cai', kind: OrgUnitKind.PROVINCIAL_COMMITTEE, parentId: null },
  {
    id: 'lc-snn',
    name: 'Sở Nông nghiệp và Phát triển nông thôn Lào Cai',
    kind: OrgUnitKind.DEPARTMENT,
    parentId: 'lc-tu',
  },
  { id: 'lc-stttt', name: 'Sở Thông tin và Truyền thông Lào Cai', kind: OrgUnitKind.DEPARTMENT, parentId: 'lc-tu' },
  { id: 'hd-tuky', name: 'Huyện ủy Tứ Kỳ (Hải Dương)', kind: OrgUnitKind.DISTRICT_COMMITTEE, parentId: null },
  // The committees the 2025 reform (Resolution 202/2025/QH15) merges or merges into: the demo driver
  // applies the changes through the restructuring API once its programmes run.
  { id: 'ct-tu', name: 'Thành ủy Cần Thơ', kind: OrgUnitKind.PROVINCIAL_COMMITTEE, parentId: null },
  { id: 'st-tu', name: 'Tỉnh ủy Sóc Trăng', kind: OrgUnitKind.PROVINCIAL_COMMITTEE, parentId: null },
  { id: 'yb-tu', name: 'Tỉnh ủy Yên Bái', kind: OrgUnitKind.PROVINCIAL_COMMITTEE, parentId: null },
  { id: 'hd-tu', name: 'Tỉnh ủy Hải Dương', kind: OrgUnitKind.PROVINCIAL_COMMITTEE, parentId: null },
  { id: 'hp-tu', name: 'Thành ủy Hải Phòng', kind: OrgUnitKind.PROVINCIAL_COMMITTEE, parentId: null },
];

export const DEMO_PEOPLE: Array<{
  id: string;
  username: string;
  fullName: string;
  title: string;
  unitId: string;
  roles: Role[];
  fields: string[];
}> = [
  {
    id: 'hg-bithu',
    username: 'bithu.hg',
    fullName: 'Nguyễn Văn An',
    title: 'Bí thư Tỉnh ủy',
    unitId: 'hg-tu',
    roles: [Role.HEAD, Role.STANDING_COMMITTEE, Role.KEY_CADRE],
    fields: [],
  },
  {
    id: 'hg-pbt',
    username: 'pbt.hg',
    fullName: 'Trần Thị Bình',
    title: 'Phó Bí thư Thường trực',
    unitId: 'hg-btv',
    roles: [Role.STANDING_COMMITTEE, Role.KEY_CADRE],
    fields: ['economy'],
  },
  {
    id: 'hg-tv1',
    username: 'tvbtv.hg',
    fullName: 'Lê Minh Châu',
    title: 'Ủy viên Ban Thường vụ',
    unitId: 'hg-btv',
    roles: [Role.STANDING_COMMITTEE, Role.KEY_CADRE],
    fields: ['party-building'],
  },
  {
    id: 'hg-cv1',
    username: 'chuyenvien.hg',
    fullName: 'Phạm Quốc Dũng',
    title: 'Chuyên viên Văn phòng Tỉnh ủy',
    unitId: 'hg-tu',
    roles: [Role.ADVISORY_STAFF, Role.STAFF],
    fields: [],
  },
  {
    id: 'hg-ubkt1',
    username: 'ubkt.hg',
    fullName: 'Hoàng Thu Hà',
    title: 'Ủy viên UBKT Tỉnh ủy',
    unitId: 'hg-ubkt',
    roles: [Role.INSPECTOR],
    fields: [],
  },
  {
    id: 'hg-skhdt-gd',
    username: 'gd.skhdt.hg',
    fullName: 'Võ Thanh Hải',
    title: 'Giám đốc Sở KH&ĐT',
    unitId: 'hg-skhdt',
    roles: [Role.HEAD, Role.KEY_CADRE],
    fields: ['economy'],
  },
  {
    id: 'hg-stc-gd',
    username: 'gd.stc.hg',
    fullName: 'Đặng Ngọc Lan',
    title: 'Giám đốc Sở Tài chính',
    unitId: 'hg-stc',
    roles: [Role.HEAD, Role.KEY_CADRE],
    fields: ['finance'],
  },
  {
    id: 'hg-vithanh-bt',
    username: 'bithu.vithanh',
    fullName: 'Bùi Văn Khoa',
    title: 'Bí thư Thành ủy Vị Thanh',
    unitId: 'hg-vithanh',
    roles: [Role.HEAD, Role.KEY_CADRE],
    fields: [],
  },
  {
    id: 'hg-vp-vt',
    username: 'vanthu.hg',
    fullName: 'Trương Thị Ngọc',
    title: 'Cán bộ Văn thư Văn phòng Tỉnh ủy',
    unitId: 'hg-vp',
    roles: [Role.STAFF],
    fields: [],
  },
  {
    id: 'hg-vithanh-pbt',
    username: 'pbt.vithanh',
    fullName: 'Lâm Thị Hồng',
    title: 'Phó Bí thư Thường trực Thành ủy Vị Thanh',
    unitId: 'hg-vithanh',
    roles: [Role.STANDING_COMMITTEE, Role.KEY_CADRE],
    fields: [],
  },
  {
    id: 'hg-vithanh-ubkt',
    username: 'ubkt.vithanh',
    fullName: 'Huỳnh Văn Tài',
    title: 'Chủ nhiệm Ủy ban Kiểm tra Thành ủy Vị Thanh',
    unitId: 'hg-vithanh',
    roles: [Role.INSPECTOR],
    fields: [],
  },
  {
    id: 'hg-vithanh-cv',
    username: 'chuyenvien.vithanh',
    fullName: 'Châu Minh Triết',
    title: 'Chuyên viên Văn phòng Thành ủy Vị Thanh',
    unitId: 'hg-vithanh',
    roles: [Role.ADVISORY_STAFF, Role.STAFF],
    fields: [],
  },
  {
    id: 'hg-vithanh-vt',
    username: 'vanthu.vithanh',
    fullName: 'Dương Thị Mỹ',
    title: 'Cán bộ Văn thư Thành ủy Vị Thanh',
    unitId: 'hg-vithanh',
    roles: [Role.STAFF],
    fields: [],
  },
  {
    id: 'lc-bithu',
    username: 'bithu.lc',
    fullName: 'Đỗ Thị Mai',
    title: 'Bí thư Tỉnh ủy Lào Cai',
    unitId: 'lc-tu',
    roles: [Role.HEAD, Role.STANDING_COMMITTEE, Role.KEY_CADRE],
    fields: [],
  },
  {
    id: 'lc-cv1',
    username: 'chuyenvien.lc',
    fullName: 'Lý Văn Nam',
    title: 'Chuyên viên Văn phòng Tỉnh ủy',
    unitId: 'lc-tu',
    roles: [Role.ADVISORY_STAFF, Role.STAFF],
    fields: [],
  },
  {
    id: 'lc-ubkt1',
    username: 'ubkt.lc',
    fullName: 'Sần Văn Lử',
    title: 'Ủy viên UBKT Tỉnh ủy Lào Cai',
    unitId: 'lc-tu',
    roles: [Role.INSPECTOR],
    fields: [],
  },
  {
    id: 'lc-vt',
    username: 'vanthu.lc',
    fullName: 'Lò Thị Hoa',
    title: 'Cán bộ Văn thư Văn phòng Tỉnh ủy Lào Cai',
    unitId: 'lc-tu',
    roles: [Role.STAFF],
    fields: [],
  },
  {
    id: 'lc-snn-gd',
    username: 'gd.snn.lc',
    fullName: 'Giàng A Phong',
    title: 'Giám đốc Sở NN&PTNT',
    unitId: 'lc-snn',
    roles: [Role.HEAD, Role.KEY_CADRE],
    fields: ['agriculture'],
  },
  {
    id: 'lc-stttt-gd',
    username: 'gd.stttt.lc',
    fullName: 'Vàng Thị Quỳnh',
    title: 'Giám đốc Sở TT&TT',
    unitId: 'lc-stttt',
    roles: [Role.HEAD, Role.KEY_CADRE],
    fields: ['digital'],
  },
  {
    id: 'hd-tuky-bt',
    username: 'bithu.tuky',
    fullName: 'Nguyễn Đức Sơn',
    title: 'Bí thư Huyện ủy Tứ Kỳ',
    unitId: 'hd-tuky',
    roles: [Role.HEAD, Role.STANDING_COMMITTEE, Role.KEY_CADRE],
    fields: [],
  },
  {
    id: 'ct-bithu',
    username: 'bithu.ct',
    fullName: 'Trần Quốc Bảo',
    title: 'Bí thư Thành ủy Cần Thơ',
    unitId: 'ct-tu',
    roles: [Role.HEAD, Role.STANDING_COMMITTEE, Role.KEY_CADRE],
    fields: [],
  },
  {
    id: 'hp-bithu',
    username: 'bithu.hp',
    fullName: 'Lê Văn Hiếu',
    title: 'Bí thư Thành ủy Hải Phòng',
    unitId: 'hp-tu',
    roles: [Role.HEAD, Role.STANDING_COMMITTEE, Role.KEY_CADRE],
    fields: [],
  },
  {
    id: 'sysadmin',
    username: 'quantri.hethong',
    fullName: 'Quản trị toàn hệ thống',
    title: 'Quản trị hệ thống',
    unitId: 'ct-tu',
    roles: [Role.SYSTEM_ADMIN],
    fields: [],
  },
  {
    id: 'admin',
    username: 'admin',
    fullName: 'Quản trị hệ thống',
    title: 'Quản trị',
    unitId: 'hg-tu',
    roles: [Role.SYSTEM_ADMIN],
    fields: [],
  },
  {
    id: 'hg-admin',
    username: 'admin.hg',
    fullName: 'Quản trị Tỉnh ủy Hậu Giang',
    title: 'Quản trị tỉnh',
    unitId: 'hg-vp',
    roles: [Role.ADMIN],
    fields: [],
  },
  {
    id: 'lc-admin',
    username: 'admin.lc',
    fullName: 'Quản trị Tỉnh ủy Lào Cai',
    title: 'Quản trị tỉnh',
    unitId: 'lc-tu',
    roles: [Role.ADMIN],
    fields: [],
  },
];

/** The day each province's records begin (Hậu Giang was split from Cần Thơ on 1 January 2004). */
const PROVINCE_FROM: Record<string, string> = { 'hg-tu': '2004-01-01', 'lc-tu': '1991-10-01', 'hd-tuky': '1997-01-01' };

/** A demo unit's code and first day. */
export function demoUnitValidity(u: (typeof DEMO_UNITS)[number]): { code: string; validFrom: string } {
  const root = u.parentId ? (DEMO_UNITS.find((p) => p.id === u.parentId)?.parentId ?? u.parentId) : u.id;
  return { code: u.code ?? u.id.toUpperCase(), validFrom: u.validFrom ?? PROVINCE_FROM[root] ?? '2004-01-01' };
}

export interface DemoPosition {
  personId: string;
  unitId: string;
  title: string;
  roles: Role[];
  seat: 'HEAD' | 'STANDING_DEPUTY' | 'CHAIR' | null;
  fields: string[];
  startsOn: string;
  endsOn: string | null;
  endReason: string | null;
}

/** When the 2020–2025 term's posts began (the provincial congresses of October 2020). */
const TERM_START = '2020-10-15';

/**
 * The demo people's positions: each holds today the post their record shows (administrators hold
 * none: theirs are account roles). Trần Thị Bình was Chief of the Provincial Party Office before
 * becoming Standing Deputy Secretary, so her history has a past position and a current one.
 */
export const DEMO_POSITIONS: DemoPosition[] = [
  ...DEMO_PEOPLE.filter((p) => !p.roles.includes(Role.ADMIN) && !p.roles.includes(Role.SYSTEM_ADMIN)).map(
    (p): DemoPosition => ({
      personId: p.id,
      unitId: p.unitId,
      title: p.title,
      roles: p.roles,
      seat:
        p.id === 'hg-pbt' || p.id === 'hg-vithanh-pbt'
          ? 'STANDING_DEPUTY'
          : p.roles.includes(Role.HEAD)
            ? 'HEAD'
            : null,
      fields: p.fields,
      startsOn: p.id === 'hg-pbt' ? '2023-07-01' : TERM_START,
      endsOn: null,
      endReason: null,
    }),
  ),
  {
    personId: 'hg-pbt',
    unitId: 'hg-vp',
    title: 'Chánh Văn phòng Tỉnh ủy',
    roles: [Role.ADVISORY_STAFF, Role.STAFF],
    seat: 'CHAIR',
    fields: [],
    startsOn: TERM_START,
    endsOn: '2023-06-30',
    endReason: 'Được bầu giữ chức Phó Bí thư Thường trực Tỉnh ủy',
  },
];
