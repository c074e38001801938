/**
 * The file name a download's Content-Disposition gives: the exact UTF-8 name of RFC 5987 `filename*`
 * when there (Vietnamese names arrive with their diacritics), else the plain ASCII `filename`.
 */
export function downloadName(header: string | null, fallback: string): string {
  const extended = /filename\*=UTF-8''([^;\s]+)/i.exec(header ?? '')?.[1];
  if (extended) {
    try {
      return decodeURIComponent(extended);
    } catch {
      // A malformed escape: fall back to the plain name.
    }
  }
  return /filename="([^"]+)"/.exec(header ?? '')?.[1] ?? fallback;
}
