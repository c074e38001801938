/** Reading PDF answers in tests: the text poppler's pdftotext extracts, as a reader's viewer would show it. */
import { execFileSync } from 'node:child_process';

/** The PDF's text in reading order, every run of white space (line ends, wrapped cells) as one space. */
export function pdfText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8').replace(/\s+/g, ' ');
}
