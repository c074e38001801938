/**
 * What a secured Temporal looks like to its clients, in front of the tests' plain dev server (which
 * has no TLS): an HTTP/2 server that terminates TLS, optionally demands a client certificate signed
 * by a given CA and an API key, and forwards every gRPC call to the dev server unchanged.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as http2 from 'node:http2';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export interface TlsGateway {
  address: string;
  close(): Promise<void>;
}

export interface TlsGatewayOptions {
  /** host:port of the plain Temporal frontend. */
  upstream: string;
  key: Buffer;
  cert: Buffer;
  /** When given, a client certificate signed by this CA is required (mTLS). */
  clientCa?: Buffer;
  /** When given, every call must carry `authorization: Bearer <apiKey>`, as Temporal Cloud demands. */
  apiKey?: string;
}

const GRPC_UNAUTHENTICATED = '16';

export async function startTlsGateway(opts: TlsGatewayOptions): Promise<TlsGateway> {
  const upstream = http2.connect(`http://${opts.upstream}`);
  upstream.on('error', () => undefined);
  const server = http2.createSecureServer({
    key: opts.key,
    cert: opts.cert,
    ca: opts.clientCa,
    requestCert: opts.clientCa !== undefined,
    rejectUnauthorized: opts.clientCa !== undefined,
  });
  server.on('stream', (stream, headers) => {
    stream.on('error', () => undefined);
    if (opts.apiKey !== undefined && headers.authorization !== `Bearer ${opts.apiKey}`) {
      stream.respond(
        {
          ':status': 200,
          'content-type': 'application/grpc',
          'grpc-status': GRPC_UNAUTHENTICATED,
          'grpc-message': 'missing or wrong API key',
        },
        { endStream: true },
      );
      return;
    }
    const up = upstream.request(withoutPseudo(headers, [':method', ':path']));
    up.on('error', () => stream.close(http2.constants.NGHTTP2_INTERNAL_ERROR));
    stream.on('close', () => {
      if (!up.closed) up.close(http2.constants.NGHTTP2_CANCEL);
    });
    stream.pipe(up);
    const trailers = new Promise<http2.IncomingHttpHeaders>((resolve) => {
      up.on('trailers', resolve);
      up.on('close', () => resolve({}));
    });
    up.on('response', (responseHeaders) => {
      if (stream.closed) return;
      const out = withoutPseudo(responseHeaders, [':status']);
      // A trailers-only answer (an error before any message) carries grpc-status in its headers.
      if (up.endAfterHeaders) {
        stream.respond(out, { endStream: true });
        return;
      }
      stream.respond(out, { waitForTrailers: true });
      stream.on('wantTrailers', () => {
        void trailers.then((t) => {
          if (!stream.closed) stream.sendTrailers(withoutPseudo(t, []));
        });
      });
      up.pipe(stream);
    });
  });
  server.on('sessionError', () => undefined);
  const sessions = new Set<http2.ServerHttp2Session>();
  server.on('session', (session) => {
    sessions.add(session);
    session.on('close', () => sessions.delete(session));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    address: `127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Sessions kept alive by clients that were not closed must not hold the test open.
        for (const session of sessions) session.destroy();
        upstream.destroy();
      }),
  };
}

function withoutPseudo(headers: http2.IncomingHttpHeaders, keep: string[]): http2.OutgoingHttpHeaders {
  const out: http2.OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!name.startsWith(':') || keep.includes(name)) out[name] = value;
  }
  return out;
}

export interface TestPki {
  dir: string;
  /** Paths of PEM files. */
  caCert: string;
  serverCert: string;
  serverKey: string;
  clientCert: string;
  clientKey: string;
  /** A client certificate from a CA the gateway does not trust. */
  strangerCert: string;
  strangerKey: string;
  read(file: string): Buffer;
  remove(): void;
}

/**
 * A throw-away CA with a server certificate for `temporal.test` and 127.0.0.1, a client certificate,
 * and a stranger's client certificate from another CA. EC P-256 keys: quick to make.
 */
export function makeTestPki(): TestPki {
  const dir = mkdtempSync(path.join(tmpdir(), 'temporal-pki-'));
  const file = (name: string) => path.join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const newCa = (name: string) =>
    openssl(
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
      '-keyout', `${name}.key`, '-out', `${name}.pem`, '-days', '2', '-subj', `/CN=${name}`,
      '-addext', 'basicConstraints=critical,CA:TRUE',
      '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
    ); // prettier-ignore
  const issue = (name: string, ca: string, cn: string, extensions: string) => {
    writeFileSync(file(`${name}.ext`), extensions);
    openssl(
      'req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
      '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${cn}`,
    ); // prettier-ignore
    openssl(
      'x509', '-req', '-in', `${name}.csr`, '-CA', `${ca}.pem`, '-CAkey', `${ca}.key`, '-CAcreateserial',
      '-out', `${name}.pem`, '-days', '2', '-extfile', `${name}.ext`,
    ); // prettier-ignore
  };
  newCa('ca');
  newCa('other-ca');
  const leaf = 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\n';
  issue(
    'server',
    'ca',
    'temporal.test',
    `${leaf}extendedKeyUsage=serverAuth\nsubjectAltName=DNS:temporal.test,IP:127.0.0.1\n`,
  );
  issue('client', 'ca', 'api', `${leaf}extendedKeyUsage=clientAuth\n`);
  issue('stranger', 'other-ca', 'api', `${leaf}extendedKeyUsage=clientAuth\n`);
  return {
    dir,
    caCert: file('ca.pem'),
    serverCert: file('server.pem'),
    serverKey: file('server.key'),
    clientCert: file('client.pem'),
    clientKey: file('client.key'),
    strangerCert: file('stranger.pem'),
    strangerKey: file('stranger.key'),
    read: (p) => readFileSync(p),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
