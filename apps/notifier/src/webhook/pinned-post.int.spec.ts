import * as http from 'node:http';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import { parseAllowedNetworks, resolveWebhookTarget, WebhookTarget } from '@app/notifications';
import { startEndlessReceiver } from '../../../../test/utils/notification-doubles';
import { postPinned } from './pinned-post';

/**
 * The notifier's webhook request on real sockets: it connects to the address that was checked, never
 * to what the name resolves to now (the test names do not exist in DNS at all), keeps the name for
 * Host and TLS, follows no redirect, and stops reading a large answer at the cap.
 */
describe('pinned webhook POST (integration)', () => {
  const servers: Array<http.Server | net.Server> = [];
  afterAll(() => Promise.all(servers.map((s) => new Promise((r) => s.close(r)))));

  async function listen<S extends http.Server | net.Server>(server: S): Promise<number> {
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return (server.address() as AddressInfo).port;
  }

  /** A target for a name that only the test's resolver knows, pinned to the local server. */
  const pinnedTarget = (url: string): Promise<WebhookTarget> =>
    resolveWebhookTarget(url, { allowedNetworks: parseAllowedNetworks('127.0.0.1'), httpsOnly: false }, async () => [
      { address: '127.0.0.1' },
    ]);

  it('connects to the pinned address while Host, path and body are those of the URL', async () => {
    const seen: Array<{ host?: string; url?: string; body: string; length?: string }> = [];
    const port = await listen(
      http.createServer((req, res) => {
        let body = '';
        req.on('data', (c: Buffer) => (body += c.toString()));
        req.on('end', () => {
          seen.push({ host: req.headers.host, url: req.url, body, length: req.headers['content-length'] });
          res.writeHead(202).end('ok');
        });
      }),
    );
    const target = await pinnedTarget(`http://hooks.example.test:${port}/hooks/skhdt?unit=1`);
    const result = await postPinned(target, { 'content-type': 'application/json' }, '{"kind":"Thử"}', {
      timeoutMs: 5000,
    });
    expect(result).toEqual({ status: 202, bytes: 2, cut: false });
    expect(seen).toEqual([
      { host: `hooks.example.test:${port}`, url: '/hooks/skhdt?unit=1', body: '{"kind":"Thử"}', length: '16' },
    ]);
  });

  it('sends the name, not the address, as the TLS server name', async () => {
    let hello: Buffer = Buffer.alloc(0);
    const port = await listen(
      net.createServer((socket) => {
        socket.once('data', (chunk: Buffer) => {
          hello = chunk;
          socket.destroy();
        });
      }),
    );
    const target = await pinnedTarget(`https://hooks.example.test:${port}/hooks`);
    await expect(postPinned(target, {}, '{}', { timeoutMs: 5000 })).rejects.toThrow();
    expect(hello[0]).toBe(0x16); // a TLS handshake record: the ClientHello, with the SNI in clear
    expect(hello.includes('hooks.example.test')).toBe(true);
  });

  it('does not follow a redirect: the 3xx is the answer', async () => {
    const paths: string[] = [];
    const port = await listen(
      http.createServer((req, res) => {
        paths.push(req.url ?? '');
        res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
      }),
    );
    const result = await postPinned(await pinnedTarget(`http://hooks.example.test:${port}/a`), {}, '{}', {
      timeoutMs: 5000,
    });
    expect(result.status).toBe(302);
    expect(paths).toEqual(['/a']);
  });

  it('stops reading an endless answer at the cap and hangs up', async () => {
    const endless = await startEndlessReceiver();
    const started = Date.now();
    try {
      const target = await pinnedTarget(`${endless.baseUrl.replace('127.0.0.1', 'hooks.example.test')}/big`);
      const result = await postPinned(target, {}, '{}', { timeoutMs: 30_000, maxResponseBytes: 64 * 1024 });
      expect(result).toEqual({ status: 200, bytes: 64 * 1024, cut: true });
      await endless.hungUp;
      expect(Date.now() - started).toBeLessThan(5000);
      // The receiver could only fill the socket buffers before the notifier hung up.
      expect(endless.written()).toBeLessThan(32 * 1024 * 1024);
    } finally {
      await endless.close();
    }
  });

  it('gives up on a receiver that does not answer within the timeout', async () => {
    const port = await listen(http.createServer(() => undefined));
    const started = Date.now();
    await expect(
      postPinned(await pinnedTarget(`http://hooks.example.test:${port}/slow`), {}, '{}', { timeoutMs: 300 }),
    ).rejects.toThrow(/aborted/i);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
