/**
 * Names of uploaded files as they are kept and sent back: no directories, no control or direction
 * characters, nothing Windows refuses, Vietnamese letters kept, and the extension of what the content
 * is (a PDF called "bao-cao.exe" is kept as "bao-cao.exe.pdf").
 */
const MAX_NAME_LENGTH = 150;
const FALLBACK = 'tai-lieu';

export function safeFileName(raw: string | undefined, extension: string): string {
  const base = (raw ?? '').normalize('NFC').split(/[/\\]/).pop() ?? '';
  const cleaned = base
    // Control, format (e.g. right-to-left override that disguises an extension) and unassigned characters.
    .replace(/[\p{Cc}\p{Cf}\p{Cn}\p{Co}\p{Cs}]/gu, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  const suffix = `.${extension}`;
  const stem = cleaned.toLowerCase().endsWith(suffix) ? cleaned.slice(0, -suffix.length) : cleaned;
  const cut = [...stem]
    .slice(0, MAX_NAME_LENGTH - suffix.length)
    .join('')
    .trim();
  return `${cut || FALLBACK}${suffix}`;
}
