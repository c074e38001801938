import { PASSWORD_MAX_LENGTH, passwordProblems } from './password-policy';

describe('passwordProblems', () => {
  it('accepts a long, uncommon password', () => {
    expect(passwordProblems('sông Hậu chảy qua Vị Thanh', 'bithu.hg')).toEqual([]);
  });

  it('counts characters, not bytes or UTF-16 units', () => {
    expect(passwordProblems('ĐảngBộHậuGi', 'x')).toEqual(['a password needs at least 12 characters']);
    expect(passwordProblems('ĐảngBộHậuGia', 'x')).toEqual([]);
    expect(passwordProblems('🙂'.repeat(11) + 'x', 'x')).toEqual([]);
    expect(passwordProblems('a-b'.repeat(43), 'x')).toEqual([
      `a password may have at most ${PASSWORD_MAX_LENGTH} characters`,
    ]);
  });

  it('refuses the username, in any case, on its own or inside', () => {
    expect(passwordProblems('Chuyenvien.HG', 'chuyenvien.hg')).toContain('a password must not contain the username');
    expect(passwordProblems('chuyenvien.hg-2025!', 'chuyenvien.hg')).toContain(
      'a password must not contain the username',
    );
  });

  it('refuses common passwords from the bundled list, in any case, and the demo password', () => {
    expect(passwordProblems('QwertyQwerty', 'x')).toEqual(['this password is too common; choose another']);
    expect(passwordProblems('1qaz2wsx3edc', 'x')).toEqual(['this password is too common; choose another']);
    expect(passwordProblems('demo-password', 'x')).toEqual(['this password is too common; choose another']);
  });

  it('refuses one character repeated', () => {
    expect(passwordProblems('zzzzzzzzzzzzzzz', 'x')).toContain('a password must not be one character repeated');
  });
});
