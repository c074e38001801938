import { downloadName } from './download-name';

describe('downloadName', () => {
  it('prefers the UTF-8 name of filename*', () => {
    const header = `attachment; filename="Du thao.docx"; filename*=UTF-8''D%E1%BB%B1%20th%E1%BA%A3o.docx`;
    expect(downloadName(header, 'x')).toBe('Dự thảo.docx');
  });

  it('takes the plain filename when there is no filename*, or it is malformed', () => {
    expect(downloadName('attachment; filename="audit.csv"', 'x')).toBe('audit.csv');
    expect(downloadName(`attachment; filename="a.pdf"; filename*=UTF-8''%E1%ZZ`, 'x')).toBe('a.pdf');
  });

  it('falls back when there is no header', () => {
    expect(downloadName(null, 'bao-cao.pdf')).toBe('bao-cao.pdf');
  });
});
