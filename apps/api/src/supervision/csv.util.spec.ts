import { toCsv } from './csv.util';

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
