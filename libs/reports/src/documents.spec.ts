import { englishWordsIn } from '@app/domain';
import { docxParagraphs } from '../../../test/utils/docx';
import { renderIssuedProgramme } from './issued-programme.document';
import { renderReviewReport } from './review-report.document';
import { sampleIssuedProgramme, sampleReviewReport } from './sample-documents';

describe('generated documents', () => {
  it('the review report states the review in Vietnamese, with no English word in it', async () => {
    for (const kind of ['YEARLY', 'FINAL'] as const) {
      const text = await docxParagraphs(await renderReviewReport(sampleReviewReport(kind)));
      expect(text).toEqual(expect.arrayContaining(['TỈNH ỦY HẬU GIANG', 'Số 3-BC/TU', 'BÁO CÁO']));
      expect(text).toContain('Có 1/3 chỉ tiêu đạt và vượt kế hoạch.');
      expect(text).toContain('Chưa có số liệu');
      expect(englishWordsIn(text.join('\n'))).toEqual([]);
    }
  });

  it('the issued programme has its letterhead, targets and tasks tables and organisation, in Vietnamese only', async () => {
    const text = await docxParagraphs(await renderIssuedProgramme(sampleIssuedProgramme()));
    expect(text).toEqual(
      expect.arrayContaining([
        'TỈNH ỦY HẬU GIANG',
        'ĐẢNG CỘNG SẢN VIỆT NAM',
        'Số 12-CTr/TU',
        'Hậu Giang, ngày 5 tháng 3 năm 2026',
        'CHƯƠNG TRÌNH HÀNH ĐỘNG',
        'thực hiện Nghị quyết 05-NQ/TU',
        'Phát triển kinh tế số',
        'I. CÁC CHỈ TIÊU CHỦ YẾU',
        'II. NHIỆM VỤ',
        'IV. TỔ CHỨC THỰC HIỆN',
        'T/M TỈNH ỦY HẬU GIANG',
      ]),
    );
    const c2 = text.indexOf('C2');
    expect(text.slice(c2, c2 + 5)).toEqual(['C2', 'Kim ngạch xuất khẩu', '—', '≥ 900 triệu USD', 'Sở Công Thương']);
    const nv1 = text.indexOf('NV1');
    expect(text.slice(nv1, nv1 + 5)).toEqual([
      'NV1',
      'Xây dựng sàn thương mại điện tử của tỉnh',
      'Sở Công Thương',
      'Sở Thông tin và Truyền thông; Sở Tài chính',
      '31/12/2026',
    ]);
    expect(text.some((t) => t.includes('gồm 2 chỉ tiêu và 2 nhiệm vụ'))).toBe(true);
    expect(text.some((t) => t.includes('Thường trực Tỉnh ủy Hậu Giang'))).toBe(true);
    expect(englishWordsIn(text.join('\n'))).toEqual([]);
  });

  it('names a font the PDF converter has (Times New Roman, metric-compatible with Liberation Serif)', async () => {
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(await renderIssuedProgramme(sampleIssuedProgramme()));
    const xml = await zip.file('word/document.xml')!.async('string');
    const fonts = new Set([...xml.matchAll(/w:ascii="([^"]+)"/g)].map((m) => m[1]));
    expect([...fonts]).toEqual(['Times New Roman']);
  });
});
