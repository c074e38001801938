/**
 * Every file the API hands out goes through here: one Content-Disposition (an ASCII `filename` for old
 * clients and the exact UTF-8 name as RFC 5987 `filename*`, so Vietnamese names arrive intact), no
 * content sniffing, and no copy kept by a shared cache (the files are someone's to read, not public).
 */
import { StreamableFile } from '@nestjs/common';
import type { Response } from 'express';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

export interface DownloadableFile {
  fileName: string;
  contentType: string;
  content: Buffer;
}

/** RFC 5987 `value-chars`: UTF-8, percent-encoded except attr-chars. */
function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** An ASCII stand-in for clients that ignore `filename*`: diacritics dropped, anything else replaced. */
export function asciiFileName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]|["\\%;]/g, '_');
}

/** `attachment; filename="…"; filename*=UTF-8''…` for a file name. */
export function contentDisposition(name: string): string {
  return `attachment; filename="${asciiFileName(name)}"; filename*=UTF-8''${rfc5987(name)}`;
}

function setAttachmentHeaders(res: Response, fileName: string): void {
  res.setHeader('Content-Disposition', contentDisposition(fileName));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Cache-Control', 'private, no-store');
}

/** Sends bytes as an attachment (on a `@Res({ passthrough: true })` response). */
export function sendFile(res: Response, file: DownloadableFile): StreamableFile {
  setAttachmentHeaders(res, file.fileName);
  return new StreamableFile(file.content, { type: file.contentType, length: file.content.length });
}

/** Sends text (a CSV) as an attachment; the caller returns the text for Nest to send. */
export function sendText(res: Response, fileName: string, text: string, contentType = CSV_CONTENT_TYPE): string {
  res.setHeader('Content-Type', contentType);
  setAttachmentHeaders(res, fileName);
  return text;
}

/** The OpenAPI description of the headers every download carries. */
export function attachmentHeaders(example: string) {
  return {
    'Content-Disposition': {
      description: `attachment; filename="${asciiFileName(example)}"; filename*=UTF-8''${rfc5987(example)}`,
      schema: { type: 'string' },
    },
    'Cache-Control': { description: 'private, no-store', schema: { type: 'string' } },
  } as const;
}
