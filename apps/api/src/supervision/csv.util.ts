import type { Request, Response } from 'express';
import { sendText } from '../common/download';

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => unknown;
}

/** Rows one CSV file holds at most; `page` picks which of them (JSON pages stay at most 100). */
export const CSV_PAGE_ROWS = 5_000;

const BOM = '\uFEFF';

/**
 * Spreadsheets run a cell that starts with one of these as a formula (or, for tab and carriage
 * return, strip them and then do): an exported title like `=HYPERLINK(...)` must stay text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text a spreadsheet would run as a formula (or whose leading tab or CR hides one), with a leading apostrophe. */
export function spreadsheetSafe(value: unknown): unknown {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const raw = value instanceof Date ? value.toISOString() : Array.isArray(value) ? value.join('; ') : String(value);
  // Only text is neutralised: a number is written by us, so -5 stays a number the sheet can add up.
  const text = typeof value === 'number' || typeof value === 'bigint' || !FORMULA_START.test(raw) ? raw : `'${raw}`;
  // Quote when a separator, quote or line break would otherwise split the cell (RFC 4180).
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV with CRLF line ends and a UTF-8 byte-order mark, so Excel shows Vietnamese correctly. */
export function toCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[]): string {
  const lines = [columns.map((c) => cell(c.header)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => cell(c.value(row))).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** One CSV file's share of a longer list: its rows, how many the whole list holds, and which page it is. */
export interface CsvPage<T> {
  items: readonly T[];
  total: number;
  page: number;
  pageSize: number;
}

/** A list computed whole (a few rows per unit or month) cut into the same pages as the paged ones. */
export function csvPageOf<T>(rows: readonly T[], page: number): CsvPage<T> {
  const start = (page - 1) * CSV_PAGE_ROWS;
  return { items: rows.slice(start, start + CSV_PAGE_ROWS), total: rows.length, page, pageSize: CSV_PAGE_ROWS };
}

/**
 * Sets the download headers on a passthrough response and returns the body for Nest to send. The
 * list's length goes in X-Total-Count, and when rows lie beyond this page a `Link: <…>; rel="next"`
 * gives the same request for the next page.
 */
export function csvDownload<T>(
  req: Request,
  res: Response,
  fileName: string,
  page: CsvPage<T>,
  columns: readonly CsvColumn<T>[],
): string {
  res.setHeader('X-Total-Count', String(page.total));
  if (page.page * page.pageSize < page.total) res.setHeader('Link', `<${nextPageUrl(req, page.page + 1)}>; rel="next"`);
  return sendText(res, fileName, toCsv(page.items, columns));
}

/** The request's own path and query with `page` replaced (relative: the client knows where it sent it). */
function nextPageUrl(req: Request, page: number): string {
  const url = new URL(req.originalUrl, 'http://localhost');
  url.searchParams.set('page', String(page));
  return `${url.pathname}${url.search}`;
}
