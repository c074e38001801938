import { attachmentHeaders, asciiFileName, contentDisposition } from './download';

describe('contentDisposition', () => {
  it('sends an ASCII filename and the UTF-8 one as RFC 5987 filename*', () => {
    expect(contentDisposition('Dự thảo (lần 2).docx')).toBe(
      `attachment; filename="Du thao (lan 2).docx"; filename*=UTF-8''D%E1%BB%B1%20th%E1%BA%A3o%20%28l%E1%BA%A7n%202%29.docx`,
    );
  });

  it('never lets a quote, backslash or non-ASCII character into the plain filename', () => {
    expect(asciiFileName('a"b\\c;đ€.pdf')).toBe('a_b_c_d_.pdf');
  });
});

describe('attachmentHeaders', () => {
  it('documents the header every download carries, with the example name in both forms', () => {
    const headers = attachmentHeaders('Báo cáo.docx');
    expect(headers['Content-Disposition'].description).toBe(
      `attachment; filename="Bao cao.docx"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o.docx`,
    );
    expect(headers['Cache-Control'].description).toBe('private, no-store');
  });
});
