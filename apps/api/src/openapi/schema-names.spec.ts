import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/**
 * The OpenAPI document names each schema after its class, and two classes of one name silently share
 * one schema: the second overwrites the first, and clients typed from the document get the wrong
 * shape. So every exported class of the API has a name of its own.
 */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [full] : [];
  });
}

describe('OpenAPI schema names', () => {
  it('no two exported classes of the API share a name', () => {
    const root = path.resolve(__dirname, '..');
    const seen = new Map<string, string[]>();
    for (const file of sourceFiles(root)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/^export (?:abstract )?class (\w+)/gm)) {
        seen.set(m[1], [...(seen.get(m[1]) ?? []), path.relative(root, file)]);
      }
    }
    const shared = [...seen]
      .filter(([, files]) => files.length > 1)
      .map(([name, files]) => `${name}: ${files.join(', ')}`);
    expect(seen.size).toBeGreaterThan(100);
    expect(shared).toEqual([]);
  });
});
