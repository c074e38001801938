/**
 * The difference between two versions of a draft, for people reading what changed: line by line,
 * with the words that changed inside a replaced run of lines. A plain longest-common-subsequence
 * over lines (after the common head and tail are set aside), bounded: a draft is at most
 * MAX_FREE_TEXT_LENGTH characters, and a middle too large to compare cell by cell is shown as
 * removed then added, which is still true, only coarser.
 */

export type DiffOp = 'same' | 'added' | 'removed';

/** A run of words (with the spaces between them) that the two versions share, or one of them has. */
export interface DiffPart {
  op: DiffOp;
  text: string;
}

/** A run of whole lines with the same fate, joined by '\n'. */
export interface DiffHunk extends DiffPart {
  /**
   * On an `added` hunk that replaces the `removed` hunk just before it: the same change word by
   * word (shared words `same`, old ones `removed`, new ones `added`), when it is small enough.
   */
  words?: DiffPart[];
}

export interface DraftDiff {
  hunks: DiffHunk[];
  /** Lines added and removed. */
  added: number;
  removed: number;
  /** False when some changed middle was too large to compare and is shown as removed then added whole. */
  exact: boolean;
}

/** Cells of the comparison table at most (a 2000 × 2000 line middle): keeps time and memory small. */
export const MAX_DIFF_CELLS = 4_000_000;
/** Word detail is given for replaced runs up to this many words on each side. */
const MAX_WORD_DETAIL_TOKENS = 1500;

/**
 * The same text in one form: composed Unicode (a Vietnamese letter typed as base letter plus
 * combining marks equals the precomposed one) and '\n' line ends.
 */
function normalise(text: string | null | undefined): string {
  return (text ?? '').normalize('NFC').replace(/\r\n?/g, '\n');
}

function linesOf(text: string): string[] {
  return text === '' ? [] : text.split('\n');
}

/** Words and the whitespace between them, as separate tokens: joined again they give the text back. */
function tokensOf(text: string): string[] {
  return text.split(/(\s+)/).filter((t) => t !== '');
}

/** How many elements the two sequences share at their start and (not overlapping it) at their end. */
function commonEnds<T>(a: readonly T[], b: readonly T[]): { head: number; tail: number } {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return { head, tail };
}

/**
 * The operations turning `a` into `b`, one per element (`same` elements once), or null when the
 * middle left after the common head and tail exceeds `maxCells`.
 */
export function diffSequences<T>(a: readonly T[], b: readonly T[], maxCells = MAX_DIFF_CELLS): DiffOp[][] | null {
  const { head, tail } = commonEnds(a, b);
  const n = a.length - head - tail;
  const m = b.length - head - tail;
  if (n * m > maxCells) return null;
  const middle = lcsOps(a.slice(head, head + n), b.slice(head, head + m));
  return [Array<DiffOp>(head).fill('same'), middle, Array<DiffOp>(tail).fill('same')];
}

/** The classic table: lengths of the longest common subsequence of every pair of suffixes, then one walk. */
function lcsOps<T>(a: readonly T[], b: readonly T[]): DiffOp[] {
  const n = a.length;
  const m = b.length;
  const width = m + 1;
  // Lengths fit 32 bits whatever the sizes the cell bound lets through.
  const table = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      table[i * width + j] =
        a[i] === b[j]
          ? table[(i + 1) * width + j + 1] + 1
          : Math.max(table[(i + 1) * width + j], table[i * width + j + 1]);
  const ops: DiffOp[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      ops.push('same');
      i++;
      j++;
    } else if (table[(i + 1) * width + j] >= table[i * width + j + 1]) {
      ops.push('removed');
      i++;
    } else {
      ops.push('added');
      j++;
    }
  }
  while (i++ < n) ops.push('removed');
  while (j++ < m) ops.push('added');
  return ops;
}

/** Consecutive elements with the same op, joined. */
function runs(a: readonly string[], b: readonly string[], ops: DiffOp[], joiner: string): DiffPart[] {
  const parts: Array<{ op: DiffOp; items: string[] }> = [];
  let i = 0;
  let j = 0;
  for (const op of ops) {
    const item = op === 'added' ? b[j++] : a[i++];
    if (op === 'same') j++;
    const last = parts[parts.length - 1];
    if (last && last.op === op) last.items.push(item);
    else parts.push({ op, items: [item] });
  }
  return parts.map((p) => ({ op: p.op, text: p.items.join(joiner) }));
}

/** Word by word, or null when the texts are too long for detail. */
export function diffWords(before: string, after: string): DiffPart[] | null {
  const a = tokensOf(before);
  const b = tokensOf(after);
  if (a.length > MAX_WORD_DETAIL_TOKENS || b.length > MAX_WORD_DETAIL_TOKENS) return null;
  const ops = diffSequences(a, b);
  return ops ? runs(a, b, ops.flat(), '') : null;
}

/** What changed from `before` to `after` (either may be null: a draft given as a document only). */
export function diffDrafts(before: string | null | undefined, after: string | null | undefined): DraftDiff {
  const a = linesOf(normalise(before));
  const b = linesOf(normalise(after));
  const ops = diffSequences(a, b);
  const exact = ops !== null;
  const flat: DiffOp[] = ops ? ops.flat() : coarse(a, b);
  const hunks: DiffHunk[] = runs(a, b, flat, '\n');
  for (let k = 1; k < hunks.length; k++) {
    if (hunks[k].op !== 'added' || hunks[k - 1].op !== 'removed') continue;
    const words = diffWords(hunks[k - 1].text, hunks[k].text);
    // Worth showing only when the two runs share something.
    if (words?.some((w) => w.op === 'same' && w.text.trim() !== '')) hunks[k].words = words;
  }
  return {
    hunks,
    added: flat.filter((op) => op === 'added').length,
    removed: flat.filter((op) => op === 'removed').length,
    exact,
  };
}

/** The common head and tail kept, the middle removed then added whole. */
function coarse(a: readonly string[], b: readonly string[]): DiffOp[] {
  const { head, tail } = commonEnds(a, b);
  return [
    ...Array<DiffOp>(head).fill('same'),
    ...Array<DiffOp>(a.length - head - tail).fill('removed'),
    ...Array<DiffOp>(b.length - head - tail).fill('added'),
    ...Array<DiffOp>(tail).fill('same'),
  ];
}
