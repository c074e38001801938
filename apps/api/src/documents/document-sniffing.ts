/**
 * What a file is, decided from its bytes and never from its name: a PDF, a Word document (DOCX) or an
 * OpenDocument text (ODT). Anything else, a renamed program or a ZIP of something else among them, is
 * none of these.
 */
export interface SniffedDocument {
  format: 'PDF' | 'DOCX' | 'ODT';
  contentType: string;
  extension: string;
}

export const PDF: SniffedDocument = { format: 'PDF', contentType: 'application/pdf', extension: 'pdf' };
export const DOCX: SniffedDocument = {
  format: 'DOCX',
  contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  extension: 'docx',
};
export const ODT: SniffedDocument = {
  format: 'ODT',
  contentType: 'application/vnd.oasis.opendocument.text',
  extension: 'odt',
};

/** The sentence a refusal names the accepted types with. */
export const ACCEPTED_TYPES = 'PDF (.pdf), Word (.docx) or OpenDocument text (.odt)';

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const ODT_MIMETYPE = 'application/vnd.oasis.opendocument.text';

export function sniffDocument(bytes: Buffer): SniffedDocument | null {
  if (bytes.length >= 5 && bytes.subarray(0, 5).toString('latin1') === '%PDF-') return PDF;
  if (bytes.length < 30 || bytes.readUInt32LE(0) !== LOCAL_HEADER) return null;
  const names = zipEntryNames(bytes);
  if (!names) return null;
  if (firstEntryIsOdtMimetype(bytes)) return ODT;
  const has = new Set(names);
  // A macro-enabled document (word/vbaProject.bin) is not a DOCX, whatever it is called.
  if (has.has('[Content_Types].xml') && has.has('word/document.xml') && !has.has('word/vbaProject.bin')) return DOCX;
  return null;
}

/** The names in a ZIP's central directory, or null when it has none that reads whole. */
export function zipEntryNames(bytes: Buffer): string[] | null {
  const end = findEndOfCentralDirectory(bytes);
  if (end < 0) return null;
  const count = bytes.readUInt16LE(end + 10);
  const size = bytes.readUInt32LE(end + 12);
  const offset = bytes.readUInt32LE(end + 16);
  if (offset + size > end) return null; // ZIP64 or a broken archive
  const names: string[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || bytes.readUInt32LE(at) !== CENTRAL_HEADER) return null;
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > end) return null;
    names.push(bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8'));
    at = next;
  }
  return names;
}

function findEndOfCentralDirectory(bytes: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65535.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (bytes.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY && at + 22 + bytes.readUInt16LE(at + 20) === bytes.length)
      return at;
  }
  return -1;
}

/** ODT's rule: the first entry is `mimetype`, stored uncompressed, holding the ODT media type. */
function firstEntryIsOdtMimetype(bytes: Buffer): boolean {
  const method = bytes.readUInt16LE(8);
  const size = bytes.readUInt32LE(18);
  const nameLength = bytes.readUInt16LE(26);
  const extraLength = bytes.readUInt16LE(28);
  const start = 30 + nameLength + extraLength;
  if (method !== 0 || start + size > bytes.length) return false;
  if (bytes.subarray(30, 30 + nameLength).toString('latin1') !== 'mimetype') return false;
  return bytes.subarray(start, start + size).toString('latin1') === ODT_MIMETYPE;
}
