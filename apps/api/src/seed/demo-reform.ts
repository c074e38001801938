/**
 * The 2025 reform in the demo (Resolution 202/2025/QH15, from 1 July 2025), applied through the
 * restructuring API by the system admin once the demo programmes run: Hậu Giang and Sóc Trăng into
 * Cần Thơ city, Yên Bái into Lào Cai, Hải Dương into Hải Phòng city; the district level abolished,
 * Vị Thanh's and Tứ Kỳ's open work carried to the ward and commune that replace them. Fixed request
 * ids: running the driver again changes nothing.
 */
/** What the restructuring routes answer, as far as the driver reads them. */
interface ChangeBody {
  id: string;
  status: string;
  units: Array<{ unitName: string; successorName: string }>;
  progress: { updated: number };
}

type Call = (
  method: string,
  path: string,
  username: string | null,
  body?: unknown,
) => Promise<{ status: number; body: ChangeBody | null }>;

const SYSTEM_ADMIN = 'quantri.hethong';
const EFFECTIVE = '2025-07-01';
const REASON = 'Nghị quyết 202/2025/QH15 về sắp xếp đơn vị hành chính cấp tỉnh (hiệu lực 01/7/2025)';

const commune = (id: string, name: string, parentId: string) => ({
  id,
  code: id.toUpperCase(),
  name,
  kind: 'GRASSROOTS_ORGANISATION',
  parentId,
});

const CHANGES = [
  {
    requestId: 'demo-2025-merge-can-tho',
    kind: 'MERGE',
    units: [
      { unitId: 'hg-tu', successorId: 'ct-tu' },
      { unitId: 'st-tu', successorId: 'ct-tu' },
    ],
  },
  { requestId: 'demo-2025-merge-lao-cai', kind: 'MERGE', units: [{ unitId: 'yb-tu', successorId: 'lc-tu' }] },
  { requestId: 'demo-2025-merge-hai-phong', kind: 'MERGE', units: [{ unitId: 'hd-tu', successorId: 'hp-tu' }] },
  {
    requestId: 'demo-2025-district-vi-thanh',
    kind: 'ABOLISH_LEVEL',
    units: [{ unitId: 'hg-vithanh', successorId: 'ct-p-vithanh' }],
    newUnits: [commune('ct-p-vithanh', 'Đảng ủy phường Vị Thanh', 'ct-tu')],
  },
  {
    requestId: 'demo-2025-district-tu-ky',
    kind: 'ABOLISH_LEVEL',
    units: [{ unitId: 'hd-tuky', successorId: 'hp-x-tuky' }],
    newUnits: [commune('hp-x-tuky', 'Đảng ủy xã Tứ Kỳ', 'hp-tu')],
  },
];

export async function applyReform2025(call: Call): Promise<void> {
  console.log('2025 reform: merging provinces and abolishing the district level through /organisation/restructurings');
  const ids: string[] = [];
  for (const change of CHANGES) {
    const res = await call('POST', '/organisation/restructurings', SYSTEM_ADMIN, {
      effectiveDate: EFFECTIVE,
      reason: REASON,
      ...change,
    });
    if (res.status !== 201) throw new Error(`${change.requestId}: ${res.status} ${JSON.stringify(res.body)}`);
    const body = res.body as ChangeBody;
    ids.push(body.id);
    const units = body.units.map((u) => `${u.unitName} → ${u.successorName}`);
    console.log(`  ${change.kind} ${units.join(', ')}`);
  }
  const deadline = Date.now() + 120_000;
  for (const id of ids) {
    for (;;) {
      const res = await call('GET', `/organisation/restructurings/${id}`, SYSTEM_ADMIN);
      if (res.body?.status === 'DONE') {
        console.log(`  ${id}: done, ${res.body.progress.updated} running workflows told their new units`);
        break;
      }
      if (Date.now() > deadline) {
        console.log(`  ${id}: still ${res.body?.status} after two minutes; leaving it to run`);
        break;
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}
