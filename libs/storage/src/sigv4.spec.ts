import { EMPTY_SHA256, sha256Hex, signV4, uriEncode } from './sigv4';

/**
 * Published Signature Version 4 examples: the signing test suite's `get-vanilla` request, and the S3
 * documentation's GET Object and PUT Object examples (their example keys, not real ones).
 */
describe('signV4', () => {
  const suite = {
    accessKeyId: 'AKIDEXAMPLE',
    secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
    region: 'us-east-1',
    service: 'service',
  };
  const s3 = {
    accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
    secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    region: 'us-east-1',
    service: 's3',
  };

  it('signs the test suite’s get-vanilla request', () => {
    const signed = signV4(
      { method: 'GET', url: new URL('https://example.amazonaws.com/'), payloadHash: EMPTY_SHA256 },
      suite,
      new Date('2015-08-30T12:36:00Z'),
    );
    expect(signed.canonicalRequest).toBe(
      [
        'GET',
        '/',
        '',
        'host:example.amazonaws.com',
        'x-amz-date:20150830T123600Z',
        '',
        'host;x-amz-date',
        EMPTY_SHA256,
      ].join('\n'),
    );
    expect(signed.stringToSign.split('\n').slice(0, 3)).toEqual([
      'AWS4-HMAC-SHA256',
      '20150830T123600Z',
      '20150830/us-east-1/service/aws4_request',
    ]);
    expect(signed.signature).toBe('5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31');
    expect(signed.headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
    );
  });

  it('signs the S3 documentation’s GET Object example', () => {
    const signed = signV4(
      {
        method: 'GET',
        url: new URL('https://examplebucket.s3.amazonaws.com/test.txt'),
        headers: { Range: 'bytes=0-9', 'x-amz-content-sha256': EMPTY_SHA256 },
        payloadHash: EMPTY_SHA256,
      },
      s3,
      new Date('2013-05-24T00:00:00Z'),
    );
    expect(signed.signature).toBe('f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41');
  });

  it('signs the S3 documentation’s PUT Object example (a path with a character to encode)', () => {
    const body = 'Welcome to Amazon S3.';
    const payloadHash = sha256Hex(body);
    expect(payloadHash).toBe('44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072');
    const signed = signV4(
      {
        method: 'PUT',
        url: new URL('https://examplebucket.s3.amazonaws.com/test$file.text'),
        headers: {
          Date: 'Fri, 24 May 2013 00:00:00 GMT',
          'x-amz-storage-class': 'REDUCED_REDUNDANCY',
          'x-amz-content-sha256': payloadHash,
        },
        payloadHash,
      },
      s3,
      new Date('2013-05-24T00:00:00Z'),
    );
    expect(signed.canonicalRequest.split('\n')[1]).toBe('/test%24file.text');
    expect(signed.signature).toBe('98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd');
  });

  it('a different secret gives a different signature', () => {
    const req = { method: 'GET', url: new URL('https://example.amazonaws.com/'), payloadHash: EMPTY_SHA256 };
    const at = new Date('2015-08-30T12:36:00Z');
    expect(signV4(req, { ...suite, secretAccessKey: 'x' }, at).signature).not.toBe(signV4(req, suite, at).signature);
  });

  it('encodes keys as SigV4 wants (unreserved kept, slashes kept in paths)', () => {
    expect(uriEncode("a b/c!'()*~._-", true)).toBe('a%20b/c%21%27%28%29%2A~._-');
    expect(uriEncode('Tài liệu/1')).toBe('T%C3%A0i%20li%E1%BB%87u%2F1');
  });
});
