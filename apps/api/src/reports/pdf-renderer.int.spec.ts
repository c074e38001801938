import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderIssuedProgramme } from '@app/reports/issued-programme.document';
import { sampleIssuedProgramme } from '@app/reports/sample-documents';
import { RetryLaterException } from '../auth/retry-later';
import { PdfRenderer } from './pdf-renderer.service';

/** LibreOffice converting for real: the text survives with its diacritics, failures are 503s, nothing is left behind. */
describe('PdfRenderer (LibreOffice)', () => {
  const settings = { SOFFICE_PATH: 'soffice', PDF_TIMEOUT_MS: 60_000, PDF_CONCURRENCY: 2, PDF_QUEUE: 4 };
  const scratch = mkdtempSync(join(tmpdir(), 'pdf-renderer-spec-'));
  let docx: Buffer;

  beforeAll(async () => {
    docx = await renderIssuedProgramme(sampleIssuedProgramme());
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  const leftovers = () => readdirSync(tmpdir()).filter((f) => f.startsWith('ap-pdf-'));
  const text = (pdf: Buffer) => execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8');

  it('converts two documents at once, each with its own profile, Vietnamese intact', async () => {
    const before = leftovers();
    const renderer = new PdfRenderer(settings as never);
    const [a, b] = await Promise.all([renderer.toPdf(docx), renderer.toPdf(docx)]);
    for (const pdf of [a, b]) {
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const t = text(pdf);
      for (const words of ['Nghị quyết 05-NQ/TU', 'chỉ tiêu', 'Thường trực Tỉnh ủy Hậu Giang', 'Sở Công Thương'])
        expect(t).toContain(words);
    }
    expect(leftovers()).toEqual(before);
  }, 120_000);

  it('answers 503 with a message naming LibreOffice when soffice is missing', async () => {
    const renderer = new PdfRenderer({ ...settings, SOFFICE_PATH: join(scratch, 'no-soffice') } as never);
    const err = await renderer.toPdf(docx).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RetryLaterException);
    expect((err as RetryLaterException).getStatus()).toBe(503);
    expect((err as RetryLaterException).message).toMatch(/LibreOffice .* is not installed/);
  });

  it('stops a conversion that takes too long (503) and removes its files', async () => {
    const slow = join(scratch, 'slow-soffice');
    writeFileSync(slow, '#!/bin/sh\nsleep 30\n');
    chmodSync(slow, 0o755);
    const before = leftovers();
    const renderer = new PdfRenderer({ ...settings, SOFFICE_PATH: slow, PDF_TIMEOUT_MS: 300 } as never);
    const started = Date.now();
    const err = await renderer.toPdf(docx).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(5000);
    expect((err as RetryLaterException).getStatus()).toBe(503);
    expect((err as RetryLaterException).message).toMatch(/longer than 300 ms/);
    expect(leftovers()).toEqual(before);
  });

  it('refuses at once (503) when the line of waiting conversions is full', async () => {
    const slow = join(scratch, 'slow-soffice-2');
    writeFileSync(slow, '#!/bin/sh\nsleep 2\n');
    chmodSync(slow, 0o755);
    const renderer = new PdfRenderer({ ...settings, SOFFICE_PATH: slow, PDF_CONCURRENCY: 1, PDF_QUEUE: 1 } as never);
    const results = await Promise.allSettled([renderer.toPdf(docx), renderer.toPdf(docx), renderer.toPdf(docx)]);
    const third = results[2];
    expect(third.status).toBe('rejected');
    expect(((third as PromiseRejectedResult).reason as RetryLaterException).message).toMatch(/busy converting/);
    // The first two ran (and failed: the stand-in writes no PDF) in turn.
    expect(results.slice(0, 2).map((r) => r.status)).toEqual(['rejected', 'rejected']);
  }, 20_000);
});
