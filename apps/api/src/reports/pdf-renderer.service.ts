import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { API_CONFIG, ApiConfig } from '../api.config';
import { RetryLaterException } from '../auth/retry-later';
import { Semaphore, SemaphoreFullError } from '../auth/semaphore';

export const PDF_CONTENT_TYPE = 'application/pdf';

/** Why a conversion did not happen: the client may try again later (503). */
export class PdfUnavailableError extends Error {}

type Settings = Pick<ApiConfig, 'SOFFICE_PATH' | 'PDF_TIMEOUT_MS' | 'PDF_CONCURRENCY' | 'PDF_QUEUE'>;

/**
 * DOCX to PDF through LibreOffice in headless mode, in the API process: conversions are rare (a
 * person downloading a report) and take a second or two, so a bounded line here is simpler than a
 * queue to another process. Each conversion gets its own temporary directory and its own
 * LibreOffice profile (two instances sharing one profile block each other), is stopped after
 * PDF_TIMEOUT_MS, and leaves nothing behind.
 */
@Injectable()
export class PdfRenderer {
  private readonly logger = new Logger(PdfRenderer.name);
  private readonly slots: Semaphore;

  constructor(@Inject(API_CONFIG) private readonly config: Settings) {
    this.slots = new Semaphore(config.PDF_CONCURRENCY, config.PDF_QUEUE);
  }

  /** The PDF of `docx`; 503 (RetryLaterException) when LibreOffice is missing, busy, slow or fails. */
  async toPdf(docx: Buffer): Promise<Buffer> {
    try {
      return await this.slots.run(() => this.convert(docx));
    } catch (err) {
      if (err instanceof SemaphoreFullError)
        throw new RetryLaterException(503, 'the server is busy converting documents to PDF; try again shortly', 5);
      if (err instanceof PdfUnavailableError) {
        this.logger.warn(err.message);
        throw new RetryLaterException(503, err.message, 30);
      }
      throw err;
    }
  }

  private async convert(docx: Buffer): Promise<Buffer> {
    const dir = await mkdtemp(join(tmpdir(), 'ap-pdf-'));
    try {
      const input = join(dir, 'document.docx');
      const out = join(dir, 'out');
      await mkdir(out);
      await writeFile(input, docx);
      await this.soffice(
        [
          `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
          '--headless',
          '--norestore',
          '--nolockcheck',
          '--convert-to',
          'pdf',
          '--outdir',
          out,
          input,
        ],
        dir,
      );
      const pdf = await readFile(join(out, 'document.pdf')).catch(() => null);
      if (!pdf || pdf.subarray(0, 5).toString('latin1') !== '%PDF-')
        throw new PdfUnavailableError('LibreOffice produced no PDF for this document');
      return pdf;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** Runs soffice in its own process group, so a timeout stops the whole of it (soffice starts soffice.bin). */
  private soffice(args: string[], cwd: string): Promise<void> {
    const { SOFFICE_PATH: program, PDF_TIMEOUT_MS: timeoutMs } = this.config;
    return new Promise((resolve, reject) => {
      const child = spawn(program, args, {
        cwd,
        detached: true,
        stdio: ['ignore', 'ignore', 'pipe'],
        env: { ...process.env, HOME: cwd },
      });
      let stderr = '';
      child.stderr?.on('data', (chunk: Buffer) => {
        if (stderr.length < 4000) stderr += chunk.toString();
      });
      const timer = setTimeout(() => {
        killGroup(child.pid);
        reject(new PdfUnavailableError(`converting to PDF took longer than ${timeoutMs} ms and was stopped`));
      }, timeoutMs);
      child.on('error', (err: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        reject(
          new PdfUnavailableError(
            err.code === 'ENOENT'
              ? `PDF is unavailable: LibreOffice (${program}) is not installed on the server; DOCX is`
              : `PDF is unavailable: ${err.message}`,
          ),
        );
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        if (code === 0) resolve();
        else reject(new PdfUnavailableError(`LibreOffice failed (exit ${code}): ${stderr.trim().slice(0, 500)}`));
      });
    });
  }
}

function killGroup(pid: number | undefined): void {
  if (!pid) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}
