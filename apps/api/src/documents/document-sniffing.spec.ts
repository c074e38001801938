import { fakeExe, tinyDocx, tinyOdt, tinyPdf, zipOf } from '../../../../test/utils/sample-documents';
import { DOCX, ODT, PDF, sniffDocument, zipEntryNames } from './document-sniffing';

describe('sniffDocument', () => {
  it('knows a PDF by its %PDF- header', () => {
    expect(sniffDocument(tinyPdf())).toBe(PDF);
  });

  it('knows a DOCX by [Content_Types].xml and word/document.xml', async () => {
    expect(sniffDocument(await tinyDocx())).toBe(DOCX);
  });

  it('knows an ODT by its first entry, mimetype, stored with the ODT media type', async () => {
    expect(sniffDocument(await tinyOdt())).toBe(ODT);
  });

  it('refuses a renamed program, plain text, an empty file and a truncated PDF header', () => {
    expect(sniffDocument(fakeExe())).toBeNull();
    expect(sniffDocument(Buffer.from('Chỉ là văn bản thường'))).toBeNull();
    expect(sniffDocument(Buffer.alloc(0))).toBeNull();
    expect(sniffDocument(Buffer.from('%PDF'))).toBeNull();
    expect(sniffDocument(Buffer.from(' %PDF-1.4'))).toBeNull();
  });

  it('refuses a ZIP of something else, whatever it is called', async () => {
    expect(sniffDocument(await zipOf({ 'anh.jpg': 'not really', 'readme.txt': 'hello' }))).toBeNull();
    expect(sniffDocument(await zipOf({ '[Content_Types].xml': '<Types/>' }))).toBeNull();
    expect(sniffDocument(await zipOf({ 'word/document.xml': '<w:document/>' }))).toBeNull();
  });

  it('refuses a macro-enabled Word document', async () => {
    const macro = await zipOf({
      '[Content_Types].xml': '<Types/>',
      'word/document.xml': '<w:document/>',
      'word/vbaProject.bin': 'macros',
    });
    expect(sniffDocument(macro)).toBeNull();
  });

  it('refuses an ODT whose mimetype is another OpenDocument type, or not first', async () => {
    const sheet = Buffer.from(
      (await tinyOdt()).toString('latin1').replace('opendocument.text', 'opendocument.sheet'),
      'latin1',
    );
    expect(sniffDocument(sheet)).toBeNull();
    const notFirst = await zipOf({ 'content.xml': '<x/>', mimetype: 'application/vnd.oasis.opendocument.text' });
    expect(sniffDocument(notFirst)).toBeNull();
  });

  it('refuses a ZIP cut short (no central directory)', async () => {
    const docx = await tinyDocx();
    expect(sniffDocument(docx.subarray(0, docx.length - 30))).toBeNull();
    expect(zipEntryNames(docx.subarray(0, 200))).toBeNull();
  });
});
