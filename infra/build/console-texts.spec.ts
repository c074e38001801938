/**
 * Fails on an untranslated key: every text key the console uses (`t('…')`, `a('…')` in the
 * administration pages, `r('…')` in the resolution pages) exists in Vietnamese and in English, the
 * two differ unless the text is a name or a code, and no Vietnamese text carries an English word.
 * The dictionaries are read from the source (they live in .tsx/.ts modules that need the browser);
 * the check runs with the build tooling, outside the browser code it reads.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as ts from 'typescript';
import { englishWordsIn } from '@app/domain';

const SRC = join(__dirname, '../../apps/console/src');

/** Texts that are the same in both languages: codes, abbreviations and proper names. */
const SAME_IN_BOTH = new Set(['CSV', 'SSO', 'Email', 'E-mail', 'Webhook', 'OK', 'ID', 'URL', 'DOCX', 'PDF']);

/** The string properties of the object literals assigned to `vi` and `en` in one file. */
function dictionaries(file: string): { vi: Map<string, string>; en: Map<string, string> } {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const found = { vi: new Map<string, string>(), en: new Map<string, string>() };
  const visit = (node: ts.Node) => {
    if (
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      (node.name.text === 'vi' || node.name.text === 'en') &&
      node.initializer &&
      ts.isObjectLiteralExpression(node.initializer)
    ) {
      const into = found[node.name.text];
      for (const prop of node.initializer.properties) {
        if (!ts.isPropertyAssignment(prop)) continue;
        const key = ts.isIdentifier(prop.name) || ts.isStringLiteral(prop.name) ? prop.name.text : null;
        const value = prop.initializer;
        if (key && (ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value))) into.set(key, value.text);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'generated' ? [] : sources(path);
    return /\.(tsx?)$/.test(name) && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Which lookup function reads which dictionary. */
const DICTIONARIES = [
  { fn: 't', file: 'i18n.tsx' },
  { fn: 'a', file: 'admin/admin-texts.ts' },
  { fn: 'r', file: 'resolutions/resolution-texts.ts' },
].map((d) => ({ ...d, ...dictionaries(join(SRC, d.file)) }));

/** What is wrong with a dictionary: untranslated texts and English words inside Vietnamese ones. */
function problemsOf(d: { vi: Map<string, string>; en: Map<string, string> }): string[] {
  const problems: string[] = [];
  for (const [key, vi] of d.vi) {
    const en = d.en.get(key);
    if (en === undefined) problems.push(`${key}: no English text`);
    if (vi === en && !SAME_IN_BOTH.has(vi)) problems.push(`${key}: "${vi}" is not translated`);
    const english = englishWordsIn(vi);
    if (english.length) problems.push(`${key}: "${vi}" has English (${english.join(', ')})`);
  }
  return problems;
}

describe('console texts', () => {
  it.each(DICTIONARIES.map((d) => [d.file, d] as const))('%s: Vietnamese and English have the same keys', (_, d) => {
    expect(d.vi.size).toBeGreaterThan(10);
    expect([...d.en.keys()].sort()).toEqual([...d.vi.keys()].sort());
  });

  it.each(DICTIONARIES.map((d) => [d.file, d] as const))(
    '%s: every Vietnamese text differs from its English one (unless a name or code) and has no English word',
    (_, d) => expect(problemsOf(d)).toEqual([]),
  );

  it('every key the pages use exists in both languages', () => {
    const missing: string[] = [];
    let used = 0;
    for (const file of sources(SRC)) {
      const text = readFileSync(file, 'utf8');
      for (const d of DICTIONARIES)
        for (const m of text.matchAll(new RegExp(`\\b${d.fn}\\('([A-Za-z0-9_]+)'\\)`, 'g'))) {
          used += 1;
          if (!d.vi.has(m[1]) || !d.en.has(m[1])) missing.push(`${relative(SRC, file)}: ${d.fn}('${m[1]}')`);
        }
    }
    expect(used).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });

  it('the check fails on an untranslated key', () => {
    const d = {
      vi: new Map([
        ['reports', 'Tải review report'],
        ['title', 'Programme tracking'],
        ['ok', 'Đã lưu'],
        ['orphan', 'Chỉ có tiếng Việt'],
      ]),
      en: new Map([
        ['reports', 'Download the review report'],
        ['title', 'Programme tracking'],
        ['ok', 'Saved'],
      ]),
    };
    expect(problemsOf(d)).toEqual([
      'reports: "Tải review report" has English (review, report)',
      'title: "Programme tracking" is not translated',
      'title: "Programme tracking" has English (programme)',
      'orphan: no English text',
    ]);
  });
});
