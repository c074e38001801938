/**
 * English words that must not appear inside Vietnamese text a reader gets (notices, pages,
 * documents): the tests of every Vietnamese rendering look for them. Proper nouns and codes such as
 * "05-NQ/TU" contain none of them.
 */
const ENGLISH_WORDS =
  /\b(the|and|of|for|with|your|review|reviews|report|reports|task|tasks|programme|programmes|deadline|round|register|registration|registrations|breakthrough|draft|drafts|phase|survey|consultation|approval|approved|submitted|issued|opened|closed|sent|back|achieved|exceeded|done|on time|appraise|revise|results?|overdue|reminder|target|targets|implementation|nothing|created|term|ended)\b/gi;

/** The English words found in `text` (lower case, each once). */
export function englishWordsIn(text: string): string[] {
  return [...new Set([...text.matchAll(ENGLISH_WORDS)].map((m) => m[0].toLowerCase()))];
}
