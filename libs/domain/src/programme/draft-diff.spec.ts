import { MAX_FREE_TEXT_LENGTH } from '../limits';
import { diffDrafts, diffSequences, diffWords } from './draft-diff';

/** One side rebuilt from the parts: `before` (same + removed) or `after` (same + added). */
const side = (parts: Array<{ op: string; text: string }>, drop: 'added' | 'removed', joiner = '\n') =>
  parts
    .filter((h) => h.op !== drop)
    .map((h) => h.text)
    .join(joiner);

describe('diffDrafts', () => {
  it('identical drafts are one unchanged hunk', () => {
    const text = 'I. MỤC TIÊU\nTăng trưởng GRDP bình quân 7%/năm.';
    expect(diffDrafts(text, text)).toEqual({
      hunks: [{ op: 'same', text }],
      added: 0,
      removed: 0,
      exact: true,
    });
  });

  it('from nothing to a text everything is added, and back everything is removed', () => {
    const text = 'Dòng một\nDòng hai';
    expect(diffDrafts('', text)).toEqual({ hunks: [{ op: 'added', text }], added: 2, removed: 0, exact: true });
    expect(diffDrafts(text, null)).toEqual({ hunks: [{ op: 'removed', text }], added: 0, removed: 2, exact: true });
    expect(diffDrafts(null, undefined)).toEqual({ hunks: [], added: 0, removed: 0, exact: true });
  });

  it('a changed line of Vietnamese text shows as removed then added, with the changed words', () => {
    const before = 'I. MỤC TIÊU\nTỷ lệ hộ nghèo giảm bình quân 1%/năm.\nIII. TỔ CHỨC THỰC HIỆN';
    const after = 'I. MỤC TIÊU\nTỷ lệ hộ nghèo giảm bình quân 1,5%/năm.\nII. GIẢI PHÁP\nIII. TỔ CHỨC THỰC HIỆN';
    const d = diffDrafts(before, after);
    expect(d.hunks).toEqual([
      { op: 'same', text: 'I. MỤC TIÊU' },
      { op: 'removed', text: 'Tỷ lệ hộ nghèo giảm bình quân 1%/năm.' },
      {
        op: 'added',
        text: 'Tỷ lệ hộ nghèo giảm bình quân 1,5%/năm.\nII. GIẢI PHÁP',
        words: [
          { op: 'same', text: 'Tỷ lệ hộ nghèo giảm bình quân ' },
          { op: 'removed', text: '1%/năm.' },
          { op: 'added', text: '1,5%/năm.\nII. GIẢI PHÁP' },
        ],
      },
      { op: 'same', text: 'III. TỔ CHỨC THỰC HIỆN' },
    ]);
    expect({ added: d.added, removed: d.removed }).toEqual({ added: 2, removed: 1 });
    expect(side(d.hunks, 'added')).toBe(before);
    expect(side(d.hunks, 'removed')).toBe(after);
  });

  it('a letter typed with combining marks equals the precomposed one; only a different tone mark is a change', () => {
    const composed = 'Nghị quyết về phát triển kinh tế';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    expect(diffDrafts(composed, decomposed).hunks).toEqual([{ op: 'same', text: composed }]);
    // "kinh tế" (economy) and "kinh tê" differ only by the tone mark: that word, and only it, changes.
    const d = diffDrafts('phát triển kinh tế', 'phát triển kinh tê');
    expect(d.hunks[1].words).toEqual([
      { op: 'same', text: 'phát triển kinh ' },
      { op: 'removed', text: 'tế' },
      { op: 'added', text: 'tê' },
    ]);
  });

  it('Windows line ends are the same lines', () => {
    expect(diffDrafts('a\r\nb', 'a\nb').hunks).toEqual([{ op: 'same', text: 'a\nb' }]);
  });

  it('a rewritten line sharing no word carries no word detail', () => {
    const d = diffDrafts('Mở đầu\nCũ hoàn toàn', 'Mở đầu\nMới khác');
    expect(d.hunks[2]).toEqual({ op: 'added', text: 'Mới khác' });
  });

  it('drafts at the size limit with every line changed stay bounded: removed then added whole', () => {
    // Lines of 6 characters: a draft of MAX_FREE_TEXT_LENGTH holds about 2850 of them.
    const lines = (prefix: string, count: number) =>
      Array.from({ length: count }, (_, i) => `${prefix}${String(i).padStart(5, '0')}`).join('\n');
    const count = Math.floor(MAX_FREE_TEXT_LENGTH / 7) - 2;
    const before = `chung\n${lines('a', count)}\nhết`;
    expect(before.length).toBeLessThanOrEqual(MAX_FREE_TEXT_LENGTH);
    let started = Date.now();
    const coarse = diffDrafts(before, `chung\n${lines('b', count)}\nhết`);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(coarse.exact).toBe(false);
    expect(coarse.hunks.map((h) => h.op)).toEqual(['same', 'removed', 'added', 'same']);
    expect(coarse.removed).toBe(count);
    // 1500 changed lines on each side are still compared line by line, in well under the time of a request.
    started = Date.now();
    const exact = diffDrafts(lines('a', 1500), lines('b', 1500));
    expect(Date.now() - started).toBeLessThan(3000);
    expect(exact.exact).toBe(true);
    expect({ added: exact.added, removed: exact.removed }).toEqual({ added: 1500, removed: 1500 });
  });
});

describe('diffSequences', () => {
  it('keeps the common head and tail and finds the longest common middle', () => {
    expect(diffSequences(['a', 'b', 'c', 'd'], ['a', 'x', 'c', 'd'])?.flat()).toEqual([
      'same',
      'removed',
      'added',
      'same',
      'same',
    ]);
  });

  it('answers null when the middle is over the cell bound', () => {
    expect(diffSequences(['a', 'b', 'c'], ['x', 'y', 'z'], 8)).toBeNull();
    expect(diffSequences(['a', 'b', 'c'], ['x', 'y', 'z'], 9)).not.toBeNull();
  });
});

describe('diffWords', () => {
  it('rebuilds both texts exactly, whitespace included', () => {
    const before = 'Đồng chí  Bí thư chủ trì';
    const after = 'Đồng chí Phó Bí thư chủ trì hội nghị';
    const parts = diffWords(before, after)!;
    expect(side(parts, 'added', '')).toBe(before);
    expect(side(parts, 'removed', '')).toBe(after);
    expect(parts.map((p) => p.op)).toContain('removed');
  });
});
