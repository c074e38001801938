import { OrgUnitKind, Role } from '@app/domain';
import type { Principal } from '../auth/principal';
import { UnitRow, UnitScopes } from './scope';

/** For the access module's unit tests: a small unit tree and people in it. */

const unit = (id: string, kind: OrgUnitKind, parentId: string | null, name = id): UnitRow => ({
  id,
  parentId,
  kind,
  name,
});

/** A province with its standing committee, a department under the people's committee delegation and two districts; another province. */
export const UNITS = new UnitScopes([
  unit('hg-tu', OrgUnitKind.PROVINCIAL_COMMITTEE, null, 'Tỉnh ủy Hậu Giang'),
  unit('hg-btv', OrgUnitKind.STANDING_COMMITTEE, 'hg-tu', 'Ban Thường vụ'),
  unit('hg-bcsd', OrgUnitKind.PEOPLES_COMMITTEE_DELEGATION, 'hg-tu', 'Ban cán sự đảng UBND'),
  unit('hg-skhdt', OrgUnitKind.DEPARTMENT, 'hg-bcsd', 'Sở Kế hoạch và Đầu tư'),
  unit('hg-vt', OrgUnitKind.DISTRICT_COMMITTEE, 'hg-tu', 'Huyện ủy Vị Thủy'),
  unit('hg-vt-x', OrgUnitKind.GRASSROOTS_ORGANISATION, 'hg-vt', 'Đảng ủy xã Vị Thắng'),
  unit('hg-pp', OrgUnitKind.DISTRICT_COMMITTEE, 'hg-tu', 'Huyện ủy Phụng Hiệp'),
  unit('lc-tu', OrgUnitKind.PROVINCIAL_COMMITTEE, null, 'Tỉnh ủy Lào Cai'),
]);

/** A person at `unitId` holding `roles`, whose person id is `p-<unitId>`. */
export const person = (unitId: string, ...roles: Role[]): Principal => ({
  personId: `p-${unitId}`,
  unitId,
  roles,
  username: `u-${unitId}`,
  fullName: unitId,
});
