/**
 * Drives demo programmes through the public HTTP API as the seeded people would, so the running
 * system shows reminders, escalations and a review within minutes (demo-fast template).
 * Idempotent: a programme that exists already is left as it is.
 */
import { randomUUID } from 'node:crypto';
import { DEMO_PASSWORD } from './demo-data';

const base = process.argv[2] ?? 'http://127.0.0.1:3000';
const tokens = new Map<string, string>();

async function call(method: string, path: string, username: string | null, body?: unknown): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (username) headers.authorization = `Bearer ${await token(username)}`;
  const res = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

async function token(username: string): Promise<string> {
  if (!tokens.has(username)) {
    const res = await call('POST', '/auth/login', null, { username, password: DEMO_PASSWORD });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
    tokens.set(username, res.body.accessToken);
  }
  return tokens.get(username) as string;
}

async function act(id: string, username: string, action: string, payload: Record<string, unknown>): Promise<void> {
  const res = await call('POST', `/programmes/${id}/actions/${action}`, username, { requestId: randomUUID(), payload });
  if (res.status !== 200) throw new Error(`${action} on ${id} by ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  console.log(`  ${id}: ${action} by ${username} → ${res.body.phase}`);
}

async function create(username: string, body: Record<string, unknown>): Promise<boolean> {
  const res = await call('POST', '/programmes', username, body);
  if (res.status === 409) return false;
  if (res.status !== 201) throw new Error(`create ${body.id}: ${res.status} ${JSON.stringify(res.body)}`);
  console.log(`created ${body.id}`);
  return true;
}

async function main(): Promise<void> {
  const isoIn = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
  const today = new Date().toISOString().slice(0, 10);

  // Hậu Giang: Programme 123 implementing Politburo Resolution 13, run through to implementation.
  const p123 = 'demo-hg-ctr-123';
  if (
    await create('chuyenvien.hg', {
      id: p123,
      templateId: 'demo-fast',
      title: 'Chương trình hành động số 123 thực hiện Nghị quyết 13-NQ/TW về phát triển vùng Đồng bằng sông Cửu Long',
      issuingUnitId: 'hg-tu',
      memberInChargeId: 'hg-pbt',
      fieldGroup: 'economy',
      term: '2020-2025',
      implementsResolution: '13-NQ/TW',
    })
  ) {
    await act(p123, 'chuyenvien.hg', 'assignSurveyors', { surveyorIds: ['hg-skhdt-gd', 'hg-stc-gd'] });
    await act(p123, 'gd.skhdt.hg', 'submitSurveyFindings', { text: 'Tăng trưởng bình quân giai đoạn trước đạt khoảng 6,5%/năm; hạ tầng giao thông còn là điểm nghẽn.' });
    await act(p123, 'chuyenvien.hg', 'closeSurvey', {});
    await act(p123, 'chuyenvien.hg', 'submitDraft', { documentRef: 'DT-123/VPTU', changeNote: 'Dự thảo lần 1 sau khảo sát' });
    await act(p123, 'chuyenvien.hg', 'openConsultation', { inviteeIds: ['hg-pbt', 'hg-tv1', 'hg-skhdt-gd'], deadline: isoIn(1) });
    await act(p123, 'pbt.hg', 'submitOpinion', { text: 'Đề nghị lượng hóa chỉ tiêu thu ngân sách.' });
    await act(p123, 'tvbtv.hg', 'submitOpinion', { text: 'Bổ sung giải pháp về nguồn nhân lực.' });
    await act(p123, 'gd.skhdt.hg', 'submitOpinion', { text: 'Thống nhất với dự thảo.' });
    await act(p123, 'chuyenvien.hg', 'closeConsultation', {});
    await act(p123, 'chuyenvien.hg', 'submitForApproval', {});
    await act(p123, 'bithu.hg', 'approve', { note: 'Thông qua tại hội nghị Ban Thường vụ' });
    await act(p123, 'chuyenvien.hg', 'issue', {
      documentNumber: '123-CTr/TU',
      issuedOn: today,
      targets: [
        { code: 'GRDP', name: 'Tăng trưởng GRDP bình quân', unit: '%/năm', baseline: '6.5', goal: { comparator: 'RANGE', goal: '7', goalHigh: '7.5' }, responsibleUnitId: 'hg-skhdt' },
        { code: 'REV', name: 'Tăng thu ngân sách trên địa bàn', unit: '%/năm', goal: { comparator: 'AT_LEAST', goal: '15' }, responsibleUnitId: 'hg-stc' },
        { code: 'PCI', name: 'Chỉ số PCI trong nhóm 3 tỉnh dẫn đầu vùng', unit: 'có/không', goal: { comparator: 'YES_NO', goal: '1' }, responsibleUnitId: 'hg-skhdt' },
      ],
      tasks: [
        { code: 'T1', title: 'Xây dựng kế hoạch thu hút đầu tư giai đoạn 2021-2025', responsibleUnitId: 'hg-skhdt', responsiblePersonId: 'hg-skhdt-gd', coordinatingUnitIds: ['hg-stc'], dueAt: isoIn(6) },
        { code: 'T2', title: 'Đề án tăng thu ngân sách', responsibleUnitId: 'hg-stc', responsiblePersonId: 'hg-stc-gd', coordinatingUnitIds: [], dueAt: isoIn(6) },
      ],
      solutions: ['Cải thiện môi trường đầu tư', 'Phát triển hạ tầng giao thông'],
      resources: ['Ngân sách tỉnh', 'Vốn xã hội hóa'],
      steeringCommittee: { headId: 'hg-bithu', memberIds: ['hg-pbt', 'hg-skhdt-gd'] },
    });
    await act(p123, 'bithu.hg', 'recordDissemination', { heldOn: today, audienceIds: ['hg-pbt', 'hg-tv1', 'hg-skhdt-gd', 'hg-stc-gd', 'hg-vithanh-bt'] });
    await act(p123, 'gd.skhdt.hg', 'acknowledgeDissemination', {});
  }

  // Lào Cai: thematic resolutions with a member in charge each, left in survey so reminders and
  // an escalation fire on their own.
  await create('chuyenvien.lc', { id: 'demo-lc-nq-10', templateId: 'demo-fast', title: 'Nghị quyết 10-NQ/TU về phát triển nông nghiệp hàng hóa', issuingUnitId: 'lc-tu', memberInChargeId: 'lc-snn-gd', fieldGroup: 'agriculture', term: '2020-2025' });
  await create('chuyenvien.lc', { id: 'demo-lc-nq-20', templateId: 'demo-fast', title: 'Nghị quyết 20-NQ/TU về chuyển đổi số', issuingUnitId: 'lc-tu', memberInChargeId: 'lc-stttt-gd', fieldGroup: 'digital', term: '2020-2025' });
  console.log('demo programmes are running; watch the inboxes and the Temporal UI');
}

main().catch((err) => {
  console.error(`demo driver: ${(err as Error).message}`);
  process.exit(1);
});
