/**
 * Read-model fixtures whose answers are known, for the supervision, report and console tests. They
 * live in their own units ("fx-…") so that programmes other test files start never change the counts.
 *
 * Hậu Giang (fx-tu) runs Programme 123-CTr/TU (13-NQ/TW): its 2021 yearly review closed with 25 of
 * 30 targets achieved or exceeded, T26–T30 low. Its 19 live tasks sit in the four buckets as
 * follows (one more is cancelled and counts nowhere):
 *
 *   unit         on time  late  open within  open overdue
 *   fx-skhdt        4       1        2            1        (of which fx-skhdt-cv: 1 within, 1 overdue)
 *   fx-stc          2       2        1            3
 *   fx-vithanh      1       0        1            1
 *
 * Programme 05 (party building, fx-tv) adds one open task at fx-skhdt; Vị Thanh's own programme adds
 * one done-on-time and one overdue task there. Lào Cai and Tứ Kỳ have theirs, which no Hậu Giang
 * supervisor may see; Tứ Kỳ's closed 2015–2020 programme has a final review (2/3, C3 low).
 */
import { DataSource } from 'typeorm';
import { OrgUnitKind, Role } from '@app/domain';
import { hashPassword } from '../../apps/api/src/auth/auth.service';
import { DEMO_PASSWORD } from '../../apps/api/src/seed/demo-data';
import { writeSupervisionProgrammes } from './supervision-programme-fixtures';
import { writeSupervisionTasks } from './supervision-task-fixtures';

export { FX, LOW_TARGETS } from './supervision-programme-fixtures';

const UNITS: Array<[string, string, OrgUnitKind, string | null]> = [
  ['fx-tu', 'Tỉnh ủy Hậu Giang', OrgUnitKind.PROVINCIAL_COMMITTEE, null],
  ['fx-btv', 'Ban Thường vụ Tỉnh ủy Hậu Giang', OrgUnitKind.STANDING_COMMITTEE, 'fx-tu'],
  ['fx-ubkt', 'Ủy ban Kiểm tra Tỉnh ủy Hậu Giang', OrgUnitKind.INSPECTION_COMMISSION, 'fx-tu'],
  ['fx-bcsd', 'Ban cán sự Đảng UBND tỉnh Hậu Giang', OrgUnitKind.PEOPLES_COMMITTEE_DELEGATION, 'fx-tu'],
  ['fx-skhdt', 'Sở Kế hoạch và Đầu tư', OrgUnitKind.DEPARTMENT, 'fx-bcsd'],
  ['fx-stc', 'Sở Tài chính', OrgUnitKind.DEPARTMENT, 'fx-bcsd'],
  ['fx-vithanh', 'Thành ủy Vị Thanh', OrgUnitKind.DISTRICT_COMMITTEE, 'fx-tu'],
  ['fx-tuky', 'Huyện ủy Tứ Kỳ', OrgUnitKind.DISTRICT_COMMITTEE, null],
  ['fx-lc', 'Tỉnh ủy Lào Cai', OrgUnitKind.PROVINCIAL_COMMITTEE, null],
  ['fx-lc-snn', 'Sở Nông nghiệp và Phát triển nông thôn Lào Cai', OrgUnitKind.DEPARTMENT, 'fx-lc'],
];

const PEOPLE: Array<[string, string, string, string, Role[]]> = [
  ['fx-bithu', 'fx.bithu', 'Nguyễn Văn Thành', 'fx-tu', [Role.HEAD, Role.STANDING_COMMITTEE, Role.KEY_CADRE]],
  ['fx-pbt', 'fx.pbt', 'Trần Thị Hạnh', 'fx-btv', [Role.STANDING_COMMITTEE, Role.KEY_CADRE]],
  ['fx-tv', 'fx.tv', 'Lê Văn Phúc', 'fx-btv', [Role.STANDING_COMMITTEE, Role.KEY_CADRE]],
  ['fx-ubkt1', 'fx.ubkt', 'Hoàng Thị Thu', 'fx-ubkt', [Role.INSPECTOR]],
  ['fx-skhdt-gd', 'fx.gd.skhdt', 'Võ Minh Tâm', 'fx-skhdt', [Role.HEAD, Role.KEY_CADRE]],
  ['fx-skhdt-cv', 'fx.cv.skhdt', 'Phan Thị Ngọc', 'fx-skhdt', [Role.STAFF]],
  ['fx-stc-gd', 'fx.gd.stc', 'Đặng Văn Lộc', 'fx-stc', [Role.HEAD, Role.KEY_CADRE]],
  ['fx-vithanh-bt', 'fx.bithu.vithanh', 'Bùi Thị Xuân', 'fx-vithanh', [Role.HEAD, Role.KEY_CADRE]],
  ['fx-tuky-bt', 'fx.bithu.tuky', 'Nguyễn Văn Hùng', 'fx-tuky', [Role.HEAD, Role.STANDING_COMMITTEE, Role.KEY_CADRE]],
  ['fx-lc-bt', 'fx.bithu.lc', 'Đỗ Văn Sơn', 'fx-lc', [Role.HEAD, Role.STANDING_COMMITTEE, Role.KEY_CADRE]],
  ['fx-lc-snn-gd', 'fx.gd.snn.lc', 'Giàng Thị Mỷ', 'fx-lc-snn', [Role.HEAD, Role.KEY_CADRE]],
];

/** Writes the fixture units, people and read model; safe to run again (fixed ids, upserts). */
export async function seedSupervisionFixtures(ds: DataSource): Promise<void> {
  const hash = await hashPassword(DEMO_PASSWORD);
  await ds.transaction(async (tx) => {
    for (const [id, name, kind, parentId] of UNITS)
      await tx.query(
        `INSERT INTO org_unit (id, name, kind, parent_id) VALUES ($1,$2,$3,$4) ON CONFLICT (id) DO NOTHING`,
        [id, name, kind, parentId],
      );
    for (const [id, username, fullName, unitId, roles] of PEOPLE)
      await tx.query(
        `INSERT INTO person (id, username, full_name, password_hash, unit_id, roles) VALUES ($1,$2,$3,$4,$5,$6) ON CONFLICT (id) DO NOTHING`,
        [id, username, fullName, hash, unitId, roles],
      );
    await writeSupervisionProgrammes(tx);
    await writeSupervisionTasks(tx);
  });
}
