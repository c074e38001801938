import { checkedBytes, ChecksumMismatchError } from './checked-bytes';
import { sha256Hex } from './sigv4';

describe('checkedBytes', () => {
  const bytes = Buffer.from('Báo cáo sơ kết');

  it('hands out the bytes that match their stored checksum', () => {
    expect(checkedBytes('report r1', bytes, sha256Hex(bytes))).toBe(bytes);
  });

  it('refuses other bytes, and no bytes, naming what was read', () => {
    const stored = sha256Hex(bytes);
    expect(() => checkedBytes('report r1', Buffer.from('Báo cáo sơ kết.'), stored)).toThrow(ChecksumMismatchError);
    expect(() => checkedBytes('report r1', null, stored)).toThrow(
      'report r1 does not match the checksum taken when it was stored',
    );
  });
});
