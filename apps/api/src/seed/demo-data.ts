import { OrgUnitKind, Role } from '@app/domain';

/**
 * Demo organisation drawn from the source reports (Hậu Giang, Lào Cai, Hải Dương). Names of people
 * are invented; unit names and programme facts follow the reports.
 */
export const DEMO_PASSWORD = 'demo-password';

export const DEMO_UNITS: Array<{ id: string; name: string; kind: OrgUnitKind; parentId: string | null }> = [
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
    id: 'admin',
    username: 'admin',
    fullName: 'Quản trị hệ thống',
    title: 'Quản trị',
    unitId: 'hg-tu',
    roles: [Role.ADMIN],
    fields: [],
  },
];
