import { FX, LOW_TARGETS, seedSupervisionFixtures } from './utils/supervision-fixtures';
import { binary, docxParagraphs } from './utils/docx';
import { startTestStack, TestStack } from './utils/test-stack';

describe('review reports (e2e)', () => {
  let api: TestStack;

  beforeAll(async () => {
    api = await startTestStack();
    await seedSupervisionFixtures(api.dataSource);
  });

  afterAll(async () => {
    await api?.close();
  });

  const auth = async (username: string) => ({ Authorization: `Bearer ${await api.login(username)}` });

  async function generateAndDownload(username: string, programmeId: string, body: Record<string, unknown>) {
    const created = await api
      .http()
      .post(`/programmes/${programmeId}/reports`)
      .set(await auth(username))
      .send(body);
    expect(created.status).toBe(201);
    const file = await api
      .http()
      .get(`/programmes/${programmeId}/reports/${created.body.id}`)
      .set(await auth(username))
      .buffer(true)
      .parse(binary as never);
    return { created, file };
  }

  it('generates the 2021 yearly review report as a DOCX in the administrative layout, with targets, buckets, low areas and causes', async () => {
    const { created, file } = await generateAndDownload('fx.pbt', FX.programme123, { reviewSeq: 1 });
    expect(created.body).toMatchObject({
      programmeId: FX.programme123,
      reviewSeq: 1,
      reviewKind: 'YEARLY',
      periodLabel: '2021',
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    expect(created.body.content).toBeUndefined();
    expect(created.body.fileName).toBe(`bao-cao-so-ket-nam-${FX.programme123}-2021.docx`);

    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(file.headers['content-disposition']).toBe(
      `attachment; filename="${created.body.fileName}"; filename*=UTF-8''${created.body.fileName}`,
    );
    expect(file.body.length).toBe(created.body.sizeBytes);
    const text = await docxParagraphs(file.body);

    expect(text).toEqual(
      expect.arrayContaining([
        'TỈNH ỦY HẬU GIANG',
        'ĐẢNG CỘNG SẢN VIỆT NAM',
        'Số 1-BC/TU',
        'BÁO CÁO',
        'Sơ kết năm Chương trình hành động số 123-CTr/TU',
      ]),
    );
    expect(text.find((t) => t.startsWith('Hậu Giang, ngày '))).toMatch(
      /^Hậu Giang, ngày \d{1,2} tháng \d{1,2} năm \d{4}$/,
    );
    expect(text).toContain('Kỳ báo cáo: 2021 (từ 2021-12-01 đến 2021-12-20)');
    const headings = [
      'I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU',
      'II. TÌNH HÌNH THỰC HIỆN NHIỆM VỤ',
      'III. HẠN CHẾ, NGUYÊN NHÂN',
      'IV. BÀI HỌC KINH NGHIỆM',
      'V. NHIỆM VỤ TRỌNG TÂM KỲ TỚI',
    ];
    expect(headings.map((h) => text.indexOf(h))).toEqual(
      [...headings.map((h) => text.indexOf(h))].sort((a, b) => a - b),
    );
    expect(headings.every((h) => text.includes(h))).toBe(true);
    expect(text).toContain('Có 25/30 chỉ tiêu đạt và vượt kế hoạch.');
    // Target table: code, name, goal, value, evaluation in consecutive cells.
    const t27 = text.indexOf('T27');
    expect(text.slice(t27, t27 + 5)).toEqual(['T27', 'Kim ngạch xuất khẩu', '≥ 100 %', '80', 'Không đạt']);
    const t30 = text.indexOf('T30');
    expect(text.slice(t30, t30 + 5)).toEqual([
      'T30',
      'Số doanh nghiệp thành lập mới',
      '≥ 100 %',
      '—',
      'Chưa có số liệu',
    ]);
    // Buckets of the programme's 19 live tasks.
    expect(text).toContain('Tổng số 19 nhiệm vụ được giao:');
    const bucketRows = [
      'Hoàn thành đúng hạn',
      'Hoàn thành quá hạn',
      'Chưa hoàn thành, trong hạn',
      'Chưa hoàn thành, quá hạn',
    ].map((label) => text[text.indexOf(label) + 1]);
    expect(bucketRows).toEqual(['7', '3', '4', '5']);
    for (const name of LOW_TARGETS) expect(text.some((t) => t.startsWith('- Chỉ tiêu') && t.includes(name))).toBe(true);
    expect(text).toContain('- Tiến độ giải ngân vốn đầu tư công còn chậm');
    expect(text).toContain('Sở Kế hoạch và Đầu tư: Tăng trưởng kinh tế đạt 7,2%, thu hút đầu tư cải thiện.');
    expect(text.some((t) => t.includes('hạn 31/12/2035'))).toBe(true);
    expect(text.some((t) => t.includes('ĐÁNH GIÁ, KHEN THƯỞNG'))).toBe(false);
  });

  it('adds evaluations, commendations and lessons to a final review report', async () => {
    const { file } = await generateAndDownload('fx.bithu.tuky', FX.programmeTuKy, {
      reviewSeq: 10,
      documentNumber: '45-BC/HU',
      causes: ['Nguồn lực đầu tư cho hộ nghèo còn hạn chế'],
    });
    const text = await docxParagraphs(file.body);
    expect(text).toEqual(
      expect.arrayContaining([
        'HUYỆN ỦY TỨ KỲ',
        'Số 45-BC/HU',
        'Tổng kết Chương trình hành động số 02-CTr/HU',
        'V. ĐÁNH GIÁ, KHEN THƯỞNG',
        'VI. NHIỆM VỤ TIẾP THEO',
      ]),
    );
    expect(text).toContain('Có 2/3 chỉ tiêu đạt và vượt kế hoạch.');
    const unit = text.indexOf('Huyện ủy Tứ Kỳ');
    expect(text.slice(unit, unit + 3)).toEqual([
      'Huyện ủy Tứ Kỳ',
      'Hoàn thành xuất sắc nhiệm vụ',
      'Về đích nông thôn mới trước hạn',
    ]);
    expect(text).toContain('Nguyễn Văn Hùng');
    expect(text).toContain('- Huyện ủy Tứ Kỳ: Mô hình "Dân vận khéo" được nhân rộng');
    expect(text).toContain('- Người đứng đầu phải trực tiếp chỉ đạo và chịu trách nhiệm đến cùng');
    expect(text).toContain('- Nguồn lực đầu tư cho hộ nghèo còn hạn chế');
    expect(text).toContain('- Chỉ tiêu C3 (Tỷ lệ hộ nghèo) chưa đạt: thực hiện 2.1, mục tiêu ≤ 2 %.');
  });

  it('lists the stored reports, newest first, without their content', async () => {
    const res = await api
      .http()
      .get(`/programmes/${FX.programme123}/reports`)
      .set(await auth('fx.pbt'));
    expect(res.status).toBe(200);
    expect(res.body.total).toBeGreaterThanOrEqual(1);
    expect(res.body.items[0]).toMatchObject({ programmeId: FX.programme123, reviewSeq: 1 });
    expect(res.body.items[0].content).toBeUndefined();
  });

  it('refuses bad requests, open or unknown reviews, staff and other committees, changing nothing', async () => {
    const before = (
      await api
        .http()
        .get(`/programmes/${FX.programme123}/reports`)
        .set(await auth('fx.pbt'))
    ).body.total;
    const cases: Array<[string, string, Record<string, unknown>, number, RegExp]> = [
      ['fx.pbt', FX.programme123, {}, 400, /reviewSeq/],
      ['fx.pbt', FX.programme123, { reviewSeq: 'one' }, 400, /reviewSeq must be an integer/],
      ['fx.pbt', FX.programme123, { reviewSeq: 1, colour: 'red' }, 400, /colour should not exist/],
      ['fx.pbt', FX.programme123, { reviewSeq: 1, documentNumber: 'bad number' }, 400, /documentNumber must look like/],
      ['fx.pbt', FX.programme123, { reviewSeq: 7 }, 404, /has no review number 7/],
      ['fx.cv.skhdt', FX.programme123, { reviewSeq: 1 }, 403, /supervisors and advisory staff/],
      ['fx.bithu.lc', FX.programme123, { reviewSeq: 1 }, 404, /not found in what you may see/],
    ];
    for (const [user, programme, body, status, reason] of cases) {
      const res = await api
        .http()
        .post(`/programmes/${programme}/reports`)
        .set(await auth(user))
        .send(body);
      expect({ status: res.status, body: JSON.stringify(res.body.message) }).toEqual({
        status,
        body: expect.stringMatching(reason),
      });
    }
    // An open review has no figures yet.
    await api.dataSource.query(
      `INSERT INTO programme_review (programme_id, seq, kind, period_label, opens_at, closes_at) VALUES ($1, 2, 'QUARTERLY', '2022-Q1', now(), now() + interval '30 days') ON CONFLICT DO NOTHING`,
      [FX.programme123],
    );
    const open = await api
      .http()
      .post(`/programmes/${FX.programme123}/reports`)
      .set(await auth('fx.pbt'))
      .send({ reviewSeq: 2 });
    expect(open.status).toBe(409);
    await api.dataSource.query(`DELETE FROM programme_review WHERE programme_id = $1 AND seq = 2`, [FX.programme123]);
    const after = (
      await api
        .http()
        .get(`/programmes/${FX.programme123}/reports`)
        .set(await auth('fx.pbt'))
    ).body.total;
    expect(after).toBe(before);
    const foreignList = await api
      .http()
      .get(`/programmes/${FX.programme123}/reports`)
      .set(await auth('fx.bithu.lc'));
    expect(foreignList.status).toBe(404);
    const badId = await api
      .http()
      .get(`/programmes/${FX.programme123}/reports/not-a-uuid`)
      .set(await auth('fx.pbt'));
    expect(badId.status).toBe(400);
    const missing = await api
      .http()
      .get(`/programmes/${FX.programme123}/reports/00000000-0000-4000-8000-000000000000`)
      .set(await auth('fx.pbt'));
    expect(missing.status).toBe(404);
  });
});
