import { findInvalidText } from './reject-invalid-text';

describe('findInvalidText', () => {
  it('accepts ordinary text, Vietnamese and paired surrogates (emoji)', () => {
    expect(findInvalidText({ title: 'Nghị quyết 13-NQ/TW 🙂', tags: ['a', { b: 'c' }], n: 1, x: null }, 'body')).toBe(
      undefined,
    );
  });

  it('names the place of a NUL, a lone surrogate or a bad key', () => {
    expect(findInvalidText({ username: 'bithu\u0000.hg' }, 'body')).toBe('body.username');
    expect(findInvalidText({ a: [{ b: 'x\uD800' }] }, 'body')).toBe('body.a[0].b');
    expect(findInvalidText({ a: '\uDC00y' }, 'body')).toBe('body.a');
    expect(findInvalidText({ 'k\u0000': 1 }, 'query')).toBe('query (a key)');
    expect(findInvalidText('\u0000', 'body')).toBe('body');
  });

  it('walks a very deep body without overflowing the stack', () => {
    let deep: unknown = 'bad\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findInvalidText(deep, 'body')).toMatch(/^body(\[0\])+$/);
  });
});
