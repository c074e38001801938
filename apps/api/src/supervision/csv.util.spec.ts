import type { Request, Response } from 'express';
import { CSV_PAGE_ROWS, CsvPage, csvDownload, csvPageOf, toCsv } from './csv.util';

describe('toCsv', () => {
  const columns = [
    { header: 'Đơn vị', value: (r: { name: string; n: number | null }) => r.name },
    { header: 'Số', value: (r: { name: string; n: number | null }) => r.n },
  ];

  it('starts with a UTF-8 byte-order mark and ends lines with CRLF', () => {
    const csv = toCsv([{ name: 'Sở Tài chính', n: 3 }], columns);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe('Đơn vị,Số\r\nSở Tài chính,3\r\n');
  });

  it('quotes commas, quotes and line breaks, and leaves nulls empty', () => {
    const csv = toCsv([{ name: 'Kế hoạch "05", năm\n2021', n: null }], columns);
    expect(csv.slice(1).split('\r\n')[1]).toBe('"Kế hoạch ""05"", năm\n2021",');
  });
});

describe('toCsv: formula cells', () => {
  const columns = [{ header: 'v', value: (r: { v: unknown }) => r.v }];
  const body = (v: unknown) => toCsv([{ v }], columns).slice(1).split('\r\n')[1];

  it.each([
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\r=1', `"'\r=1"`],
    ['-5', "'-5"],
  ])('prefixes a text cell starting %j with a quote', (text, cell) => {
    expect(body(text)).toBe(cell);
  });

  it('leaves numbers alone, negative ones included, and text that starts otherwise', () => {
    expect(body(-5)).toBe('-5');
    expect(body(-0.25)).toBe('-0.25');
    expect(body('a=b')).toBe('a=b');
    expect(body('Kế hoạch 05-KH/TU')).toBe('Kế hoạch 05-KH/TU');
  });

  it('neutralises a list whose first item is a formula, and a date never needs it', () => {
    expect(body(['=1', 'x'])).toBe("'=1; x");
    expect(body(new Date('2021-06-30T00:00:00Z'))).toBe('2021-06-30T00:00:00.000Z');
  });
});

describe('csvDownload and csvPageOf', () => {
  const columns = [{ header: 'n', value: (r: number) => r }];
  const headersOf = (url: string, page: CsvPage<number>) => {
    const headers: Record<string, string> = {};
    const res = { setHeader: (k: string, v: string) => (headers[k] = v) } as unknown as Response;
    const body = csvDownload({ originalUrl: url } as Request, res, 'n.csv', page, columns);
    return { headers, rows: body.slice(1).trimEnd().split('\r\n').length - 1 };
  };

  it('cuts a whole list into pages of CSV_PAGE_ROWS', () => {
    const rows = Array.from({ length: CSV_PAGE_ROWS + 3 }, (_, i) => i);
    expect(csvPageOf(rows, 1).items).toHaveLength(CSV_PAGE_ROWS);
    expect(csvPageOf(rows, 2)).toEqual({ items: [5000, 5001, 5002], total: 5003, page: 2, pageSize: CSV_PAGE_ROWS });
    expect(csvPageOf(rows, 3).items).toEqual([]);
  });

  it('states the total, and links the next page with the same query while rows remain', () => {
    const rows = Array.from({ length: 12 }, (_, i) => i);
    const first = headersOf('/supervision/programmes?format=csv&term=2020-2025', {
      ...csvPageOf(rows, 1),
      pageSize: 5,
    });
    expect(first.headers['X-Total-Count']).toBe('12');
    expect(first.headers.Link).toBe('</supervision/programmes?format=csv&term=2020-2025&page=2>; rel="next"');
    const last = headersOf('/x?page=3&format=csv', { items: rows.slice(10), total: 12, page: 3, pageSize: 5 });
    expect(last.headers.Link).toBeUndefined();
    expect(last.rows).toBe(2);
    const middle = headersOf('/x?page=2&format=csv', { items: rows.slice(5, 10), total: 12, page: 2, pageSize: 5 });
    expect(middle.headers.Link).toBe('</x?page=3&format=csv>; rel="next"');
  });
});
