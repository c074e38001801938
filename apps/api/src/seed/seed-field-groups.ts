import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';

/**
 * The demo provinces' field groups. Their codes are the free-text keys the demo and older programmes
 * stored (`economy`, `party-building`, …), so those map to a group by code without any change.
 */
export interface DemoFieldGroup {
  provinceId: string;
  code: string;
  name: string;
  supervisorId: string;
}

const group = (provinceId: string, supervisorId: string) => (code: string, name: string) => ({
  provinceId,
  code,
  name,
  supervisorId,
});
const hgPbt = group('hg-tu', 'hg-pbt');
const hgTv1 = group('hg-tu', 'hg-tv1');
const lc = group('lc-tu', 'lc-bithu');
const tuky = group('hd-tuky', 'hd-tuky-bt');

export const DEMO_FIELD_GROUPS: readonly DemoFieldGroup[] = [
  // Hậu Giang: the standing deputy secretary supervises most fields, a Standing Committee member the others.
  hgPbt('economy', 'Kinh tế'),
  hgPbt('agriculture', 'Nông nghiệp, nông dân, nông thôn'),
  hgPbt('digital', 'Khoa học, công nghệ và chuyển đổi số'),
  hgPbt('regional-development', 'Phát triển vùng và đô thị'),
  hgPbt('human-resources', 'Nguồn nhân lực'),
  hgPbt('party-building', 'Xây dựng Đảng và hệ thống chính trị'),
  hgTv1('society', 'Văn hóa – Xã hội'),
  hgTv1('defence-security', 'Quốc phòng – An ninh'),
  lc('economy', 'Kinh tế'),
  lc('agriculture', 'Nông nghiệp, nông dân, nông thôn'),
  lc('digital', 'Khoa học, công nghệ và chuyển đổi số'),
  lc('party-building', 'Xây dựng Đảng'),
  lc('society', 'Văn hóa – Xã hội'),
  lc('defence-security', 'Quốc phòng – An ninh'),
  tuky('economy', 'Kinh tế'),
  tuky('party-building', 'Xây dựng Đảng'),
  tuky('society', 'Văn hóa – Xã hội'),
  tuky('defence-security', 'Quốc phòng – An ninh'),
];

/** A stable uuid per demo group, so seeding again finds the same row. */
function demoGroupId(g: DemoFieldGroup): string {
  const h = createHash('sha256').update(`demo:field-group:${g.provinceId}:${g.code}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * Adds the demo field groups once: a group already there (perhaps renamed or given another supervisor)
 * is left as it is, except a placeholder the migration made from a free-text value, which gets its name
 * and supervising member.
 */
export async function seedFieldGroups(tx: EntityManager): Promise<number> {
  for (const g of DEMO_FIELD_GROUPS)
    await tx.query(
      `INSERT INTO field_group (id, province_id, code, name, supervisor_id, created_by) VALUES ($1,$2,$3,$4,$5,'seed')
       ON CONFLICT (province_id, code) DO UPDATE SET name = EXCLUDED.name, supervisor_id = EXCLUDED.supervisor_id,
         created_by = 'seed', updated_at = now()
       WHERE field_group.created_by = 'migration'`,
      [demoGroupId(g), g.provinceId, g.code, g.name, g.supervisorId],
    );
  return DEMO_FIELD_GROUPS.length;
}
