import { safeFileName } from './document-file-name';

describe('safeFileName', () => {
  it('keeps Vietnamese letters and the name as given', () => {
    expect(safeFileName('Dự thảo chương trình hành động.docx', 'docx')).toBe('Dự thảo chương trình hành động.docx');
    expect(safeFileName('Biên bản kiểm tra Đảng ủy.PDF', 'pdf')).toBe('Biên bản kiểm tra Đảng ủy.pdf');
  });

  it('normalises decomposed Vietnamese to composed (NFC)', () => {
    const decomposed = 'Báo cáo.odt'.normalize('NFD');
    expect(safeFileName(decomposed, 'odt')).toBe('Báo cáo.odt'.normalize('NFC'));
  });

  it('drops directories, both kinds of slash', () => {
    expect(safeFileName('../../etc/passwd', 'pdf')).toBe('passwd.pdf');
    expect(safeFileName('C:\\Users\\cv\\Desktop\\bao-cao.docx', 'docx')).toBe('bao-cao.docx');
  });

  it('drops control and direction characters and replaces what Windows refuses', () => {
    expect(safeFileName('bao\u0000cao\r\n.pdf', 'pdf')).toBe('baocao.pdf');
    expect(safeFileName('hoa-don\u202Efdp.exe', 'pdf')).toBe('hoa-donfdp.exe.pdf');
    expect(safeFileName('a<b>c:d"e|f?g*.pdf', 'pdf')).toBe('a_b_c_d_e_f_g_.pdf');
  });

  it('gives the extension of the content, whatever the name says', () => {
    expect(safeFileName('chuong-trinh.exe', 'pdf')).toBe('chuong-trinh.exe.pdf');
    expect(safeFileName('bao-cao', 'odt')).toBe('bao-cao.odt');
  });

  it('names a file that has no usable name, and strips leading dots', () => {
    expect(safeFileName(undefined, 'pdf')).toBe('tai-lieu.pdf');
    expect(safeFileName('   ', 'docx')).toBe('tai-lieu.docx');
    expect(safeFileName('....', 'docx')).toBe('tai-lieu.docx');
    expect(safeFileName('.htaccess', 'pdf')).toBe('htaccess.pdf');
  });

  it('cuts long names to 150 characters, extension included', () => {
    const name = safeFileName(`${'ệ'.repeat(400)}.pdf`, 'pdf');
    expect([...name]).toHaveLength(150);
    expect(name.endsWith('ệ.pdf')).toBe(true);
  });
});
