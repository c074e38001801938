import { createHash, randomUUID } from 'node:crypto';
import type { Response } from 'superagent';
import { asSeededPeople } from './utils/authorization-fixtures';
import { fakeExe, tinyDocx, tinyOdt, tinyPdf, zipOf } from './utils/sample-documents';
import { eventually, startTestStack, TestStack } from './utils/test-stack';

/**
 * Programme documents over HTTP on the real stack: each accepted type stored and handed back byte for
 * byte, the type read from the content (a renamed program or a ZIP of something else is refused), the
 * size limit, who adds which kind, who downloads (another province, the secret tier, drafts and
 * inspection records), the audit of downloads, and actions naming a document by `documentId`.
 */
const MAX_BYTES = 64 * 1024;
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('programme documents (e2e)', () => {
  let stack: TestStack;
  let people: ReturnType<typeof asSeededPeople>;
  let programme: string;
  let other: string;
  const auth = (username: string) => people.auth(username);

  const upload = async (
    username: string,
    programmeId: string,
    fields: { kind?: string; note?: string },
    file?: { bytes: Buffer; name: string },
  ) => {
    const call = stack
      .http()
      .post(`/programmes/${programmeId}/documents`)
      .set(await auth(username));
    for (const [k, v] of Object.entries(fields)) if (v !== undefined) call.field(k, v);
    if (file) call.attach('file', file.bytes, { filename: file.name, contentType: 'application/octet-stream' });
    return call;
  };
  const download = async (username: string, id: string): Promise<Response & { body: Buffer }> =>
    stack
      .http()
      .get(`/documents/${id}/content`)
      .set(await auth(username))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      }) as unknown as Response & { body: Buffer };
  const list = async (username: string, programmeId: string) =>
    stack
      .http()
      .get(`/programmes/${programmeId}/documents`)
      .set(await auth(username));
  const act = async (username: string, programmeId: string, action: string, payload: object) =>
    stack
      .http()
      .post(`/programmes/${programmeId}/actions/${action}`)
      .set(await auth(username))
      .send({ requestId: randomUUID(), payload });
  const counts = async (programmeId: string) => {
    const [row] = await stack.dataSource.query(
      `SELECT (SELECT count(*)::int FROM programme_document WHERE programme_id = $1) AS documents,
              (SELECT count(*)::int FROM document_blob) AS blobs`,
      [programmeId],
    );
    return row as { documents: number; blobs: number };
  };
  const liveState = async (programmeId: string) => {
    const res = await stack
      .http()
      .get(`/programmes/${programmeId}`)
      .set(await auth('chuyenvien.hg'));
    expect(res.status).toBe(200);
    return res.body.live.state;
  };

  beforeAll(async () => {
    stack = await startTestStack({ DOCUMENT_MAX_BYTES: String(MAX_BYTES) });
    people = asSeededPeople(stack);
    programme = await people.create(`docs-${randomUUID().slice(0, 8)}`, 'Chương trình chuyển đổi số có tài liệu');
    other = await people.create(`docs-other-${randomUUID().slice(0, 8)}`, 'Chương trình khác');
    await people.act('chuyenvien.hg', programme, 'assignSurveyors', { surveyorIds: ['hg-skhdt-gd'] });
    await people.act('gd.skhdt.hg', programme, 'submitSurveyFindings', { text: 'Hạ tầng số còn thiếu' });
    await people.act('chuyenvien.hg', programme, 'closeSurvey', {});
    await eventually(async () => (await list('chuyenvien.hg', other)).status === 200, 'the read-model rows');
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
  });

  const uploaded: Record<string, { id: string; bytes: Buffer }> = {};

  it.each([
    ['PDF', 'application/pdf', 'Biên bản họp Ban Thường vụ.pdf', () => Promise.resolve(tinyPdf())],
    ['DOCX', DOCX_TYPE, 'Dự thảo chương trình lần 1.docx', () => tinyDocx()],
    ['ODT', 'application/vnd.oasis.opendocument.text', 'Dự thảo (bản ODT).odt', () => tinyOdt()],
  ])(
    'stores a %s draft and hands back the same bytes, named in Content-Disposition',
    async (format, type, name, make) => {
      const bytes = await make();
      const res = await upload('chuyenvien.hg', programme, { kind: 'DRAFT', note: 'Bản đầu' }, { bytes, name });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        programmeId: programme,
        kind: 'DRAFT',
        fileName: name,
        contentType: type,
        sizeBytes: bytes.length,
        sha256: sha256(bytes),
        uploadedBy: 'hg-cv1',
        unitId: 'hg-tu',
        note: 'Bản đầu',
      });
      uploaded[format] = { id: res.body.id, bytes };

      const got = await download('chuyenvien.hg', res.body.id);
      expect(got.status).toBe(200);
      expect(got.headers['content-type']).toContain(type);
      expect(got.headers['x-content-type-options']).toBe('nosniff');
      expect(got.headers['content-disposition']).toContain(
        `filename*=UTF-8''${encodeURIComponent(name).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
      );
      expect(got.headers['content-disposition']).toMatch(/^attachment; filename="[\x20-\x7e]+";/);
      expect(Buffer.compare(got.body, bytes)).toBe(0);
    },
  );

  it('lists the programme’s documents for its readers', async () => {
    const res = await list('vanthu.hg', programme);
    expect(res.status).toBe(200);
    expect(res.body.items.map((d: { id: string }) => d.id)).toEqual(
      expect.arrayContaining([uploaded.PDF.id, uploaded.DOCX.id, uploaded.ODT.id]),
    );
  });

  it('reads the type from the content: renamed programs, ZIPs of other things and text are refused, nothing stored', async () => {
    const before = await counts(programme);
    const fakes = [
      { bytes: fakeExe(), name: 'bao-cao.pdf' },
      { bytes: await zipOf({ 'anh.jpg': 'xx', 'ghi-chu.txt': 'không phải văn bản' }), name: 'du-thao.docx' },
      { bytes: await zipOf({ 'content.xml': '<x/>' }), name: 'du-thao.odt' },
      { bytes: Buffer.from('Văn bản thường'), name: 'ghi-chu.docx' },
    ];
    for (const file of fakes) {
      const res = await upload('chuyenvien.hg', programme, { kind: 'DRAFT' }, file);
      expect({ name: file.name, status: res.status }).toEqual({ name: file.name, status: 400 });
      expect(JSON.stringify(res.body)).toMatch(/PDF.*docx.*odt/);
    }
    expect(await counts(programme)).toEqual(before);
  });

  it('refuses a file over DOCUMENT_MAX_BYTES with 413, nothing stored', async () => {
    const before = await counts(programme);
    const big = Buffer.concat([tinyPdf(), Buffer.alloc(MAX_BYTES, 0x20)]);
    const res = await upload('chuyenvien.hg', programme, { kind: 'DRAFT' }, { bytes: big, name: 'lon.pdf' });
    expect(res.status).toBe(413);
    expect(await counts(programme)).toEqual(before);
  });

  it('refuses a request without a file or a kind, or with an unknown kind (400)', async () => {
    const before = await counts(programme);
    const pdf = { bytes: tinyPdf(), name: 'a.pdf' };
    expect((await upload('chuyenvien.hg', programme, { kind: 'DRAFT' })).status).toBe(400);
    const noKind = await upload('chuyenvien.hg', programme, {}, pdf);
    expect(noKind.status).toBe(400);
    expect(JSON.stringify(noKind.body)).toContain('kind');
    expect((await upload('chuyenvien.hg', programme, { kind: 'MEMO' }, pdf)).status).toBe(400);
    expect(await counts(programme)).toEqual(before);
  });

  it('lets only the drafting team add a draft (403 for other staff), nothing stored', async () => {
    const before = await counts(programme);
    const res = await upload('vanthu.hg', programme, { kind: 'DRAFT' }, { bytes: tinyPdf(), name: 'a.pdf' });
    expect(res.status).toBe(403);
    expect(await counts(programme)).toEqual(before);
  });

  it('hides a draft’s file from staff who do not see drafts (403), and their list row has no name', async () => {
    expect((await download('vanthu.hg', uploaded.PDF.id)).status).toBe(403);
    const row = (await list('vanthu.hg', programme)).body.items.find((d: { id: string }) => d.id === uploaded.PDF.id);
    expect(row).toMatchObject({ readable: false, fileName: null, sha256: null, note: null });
    expect((await download('tvbtv.hg', uploaded.PDF.id)).status).toBe(200);
  });

  it('another province’s supervisor gets 404 for the list, the file and an upload', async () => {
    expect((await list('bithu.lc', programme)).status).toBe(404);
    expect((await download('bithu.lc', uploaded.DOCX.id)).status).toBe(404);
    const res = await upload('bithu.lc', programme, { kind: 'ISSUED' }, { bytes: tinyPdf(), name: 'a.pdf' });
    expect(res.status).toBe(404);
    expect((await download('chuyenvien.hg', randomUUID())).status).toBe(404);
    expect((await download('chuyenvien.hg', 'not-a-uuid')).status).toBe(400);
  });

  it('records every download in the audit, with who and when', async () => {
    // Earlier tests downloaded the same file as other people: this download is the reader's row.
    const start = new Date(Date.now() - 1000);
    expect((await download('tvbtv.hg', uploaded.ODT.id)).status).toBe(200);
    const end = new Date(Date.now() + 1000);
    const rows = await eventually(async () => {
      const found: Array<{ person_id: string; status: number; occurred_at: Date }> = await stack.dataSource.query(
        `SELECT person_id, status, occurred_at FROM admin_audit
          WHERE act = 'document.download' AND target->>'id' = $1 AND person_id = 'hg-tv1'`,
        [uploaded.ODT.id],
      );
      return found.length > 0 && found;
    }, 'the audit row of the download');
    expect(rows).toHaveLength(1);
    expect(rows[0].status).toBe(200);
    expect(rows[0].occurred_at.getTime()).toBeGreaterThanOrEqual(start.getTime());
    expect(rows[0].occurred_at.getTime()).toBeLessThanOrEqual(end.getTime());
  });

  it('a restricted programme’s documents are refused to whoever does not read it', async () => {
    const secret = `mat-docs-${randomUUID().slice(0, 8)}`;
    const created = await stack
      .http()
      .post('/programmes')
      .set(await auth('chuyenvien.hg'))
      .send({
        id: secret,
        templateId: 'drill',
        title: 'Chương trình mật có tài liệu',
        issuingUnitId: 'hg-tu',
        memberInChargeId: 'hg-pbt',
        fieldGroup: 'economy',
        term: '2025-2030',
        restricted: true,
        readerIds: ['hg-cv1'],
      });
    expect(created.status).toBe(201);
    await eventually(async () => (await list('chuyenvien.hg', secret)).status === 200, 'the restricted row');
    const doc = await upload('chuyenvien.hg', secret, { kind: 'DRAFT' }, { bytes: tinyPdf(), name: 'mat.pdf' });
    expect(doc.status).toBe(201);
    expect((await download('chuyenvien.hg', doc.body.id)).status).toBe(200);
    for (const outsider of ['ubkt.hg', 'vanthu.hg', 'admin']) {
      expect({ outsider, status: (await download(outsider, doc.body.id)).status }).toEqual({ outsider, status: 404 });
      expect({ outsider, status: (await list(outsider, secret)).status }).toEqual({ outsider, status: 404 });
    }
    const before = await counts(secret);
    const res = await upload('ubkt.hg', secret, { kind: 'INSPECTION_RECORD' }, { bytes: tinyPdf(), name: 'a.pdf' });
    expect(res.status).toBe(404);
    expect(await counts(secret)).toEqual(before);
  });

  it('submitDraft takes a documentId of this programme’s drafts only (400 otherwise, nothing applied)', async () => {
    const foreign = await upload('chuyenvien.hg', other, { kind: 'DRAFT' }, { bytes: tinyPdf(), name: 'khac.pdf' });
    expect(foreign.status).toBe(201);
    const issued = await upload('chuyenvien.hg', programme, { kind: 'ISSUED' }, { bytes: tinyPdf(), name: 'bh.pdf' });
    expect(issued.status).toBe(201);
    for (const documentId of [foreign.body.id, issued.body.id, randomUUID()]) {
      const res = await act('chuyenvien.hg', programme, 'submitDraft', { changeNote: 'kèm tệp', documentId });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain('documentId');
    }
    expect((await act('chuyenvien.hg', programme, 'submitDraft', { changeNote: 'x', documentId: 'abc' })).status).toBe(
      400,
    );
    expect((await liveState(programme)).drafts).toEqual([]);

    const ok = await act('chuyenvien.hg', programme, 'submitDraft', {
      changeNote: 'Dự thảo kèm tệp Word',
      documentId: uploaded.DOCX.id,
    });
    expect(ok.status).toBe(200);
    expect((await liveState(programme)).drafts[0]).toMatchObject({ version: 1, documentId: uploaded.DOCX.id });
    uploaded.ISSUED = { id: issued.body.id, bytes: tinyPdf() };
  });

  it('issue, recordInspection and submitReviewReport carry their documents into the state', async () => {
    await people.act('chuyenvien.hg', programme, 'openConsultation', { inviteeIds: ['hg-tv1'] });
    await people.act('tvbtv.hg', programme, 'submitOpinion', { text: 'Đồng ý với dự thảo' });
    await people.act('chuyenvien.hg', programme, 'closeConsultation', {});
    await people.act('chuyenvien.hg', programme, 'submitForApproval', {});
    await people.act('bithu.hg', programme, 'approve', {});
    await people.act('chuyenvien.hg', programme, 'issue', {
      documentNumber: '58-CTr/TU',
      issuedOn: new Date().toISOString().slice(0, 10),
      targets: [
        {
          code: 'DX',
          name: 'Tỷ lệ hồ sơ trực tuyến',
          unit: '%',
          goal: { comparator: 'AT_LEAST', goal: '80' },
          responsibleUnitId: 'hg-skhdt',
        },
      ],
      tasks: [],
      solutions: ['Đầu tư hạ tầng số'],
      resources: ['Ngân sách tỉnh'],
      documentId: uploaded.ISSUED.id,
    });
    // The issued text is read by everyone who opens the programme.
    expect((await download('vanthu.hg', uploaded.ISSUED.id)).status).toBe(200);
    await people.act('bithu.hg', programme, 'recordDissemination', {
      heldOn: new Date().toISOString().slice(0, 10),
      audienceIds: ['hg-skhdt-gd'],
    });

    const notInspector = await upload(
      'vanthu.hg',
      programme,
      { kind: 'INSPECTION_RECORD' },
      { bytes: tinyPdf(), name: 'a.pdf' },
    );
    expect(notInspector.status).toBe(403);
    const record = await upload(
      'ubkt.hg',
      programme,
      { kind: 'INSPECTION_RECORD' },
      { bytes: await tinyOdt(), name: 'Biên bản kiểm tra.odt' },
    );
    expect(record.status).toBe(201);
    await people.act('ubkt.hg', programme, 'recordInspection', {
      findings: 'Đúng tiến độ',
      documentId: record.body.id,
    });
    expect((await download('vanthu.hg', record.body.id)).status).toBe(403);
    expect((await download('chuyenvien.hg', record.body.id)).status).toBe(200);

    const open = await eventually(
      async () => {
        const s = await liveState(programme);
        return s.implementation.reviews.find(
          (r: { closedAt: string | null; opensAt: string; expectedUnitIds: string[] }) =>
            !r.closedAt && Date.parse(r.opensAt) <= Date.now() && r.expectedUnitIds.includes('hg-skhdt'),
        ) as { seq: number } | undefined;
      },
      'an open review',
      60_000,
    );
    const report = await upload(
      'gd.skhdt.hg',
      programme,
      { kind: 'UNIT_REPORT' },
      { bytes: await tinyDocx('Báo cáo'), name: 'Báo cáo Sở KH&ĐT.docx' },
    );
    expect(report.status).toBe(201);
    const submitted = await act('gd.skhdt.hg', programme, 'submitReviewReport', {
      reviewSeq: open.seq,
      text: 'Đạt chỉ tiêu',
      values: { DX: '85' },
      documentId: report.body.id,
    });
    expect(submitted.status).toBe(200);

    const s = await liveState(programme);
    expect(s.issuance.documentId).toBe(uploaded.ISSUED.id);
    expect(s.implementation.inspections[0].documentId).toBe(record.body.id);
    const reviews = [...s.implementation.reviews, ...(s.finalReview.review ? [s.finalReview.review] : [])];
    expect(reviews.find((r: { seq: number }) => r.seq === open.seq).reports['hg-skhdt'].documentId).toBe(
      report.body.id,
    );
  }, 120_000);
});
