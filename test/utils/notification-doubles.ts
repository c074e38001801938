/**
 * Local stand-ins for the outside services the notifier talks to, recording what they receive: a real
 * SMTP listener (smtp-server) and an HTTP receiver that verifies webhook signatures.
 */
import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { DELIVERY_ID_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhook } from '../../libs/notifications/src';

export interface RecordedMail {
  messageId: string;
  key: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface SmtpRecorder {
  url: string;
  messages: RecordedMail[];
  /** Answer the next n messages with a temporary failure (451). */
  failNext(n: number): void;
  /** Hang up on the senders of the next n messages once their data is in, before answering. */
  dropNext(n: number): void;
  /** SMTP connections opened so far, open now, and most open at one moment. */
  connections(): { opened: number; open: number; mostOpen: number };
  /** Keep messages unanswered until release(); a client that disconnects meanwhile has not delivered. */
  hold(): void;
  release(): void;
  held(): number;
  /** Held messages whose sender is still connected (a killed sender's connection closes). */
  heldOpen(): number;
  close(): Promise<void>;
}

export async function startSmtpRecorder(): Promise<SmtpRecorder> {
  const messages: RecordedMail[] = [];
  let failures = 0;
  let drops = 0;
  let holding = false;
  const waiting: Array<{ session: string; resume: () => void }> = [];
  const closed = new Set<string>();
  const open = new Set<string>();
  let opened = 0;
  let mostOpen = 0;
  /** Client sockets by their port, to hang up on the one a session arrived on. */
  const sockets = new Map<number, Socket>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onConnect(session, callback) {
      opened++;
      open.add(session.id);
      mostOpen = Math.max(mostOpen, open.size);
      callback();
    },
    onClose(session) {
      closed.add(session.id);
      open.delete(session.id);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        if (drops > 0) {
          drops--;
          sockets.get(session.remotePort)?.destroy();
          return;
        }
        if (failures > 0) {
          failures--;
          callback(Object.assign(new Error('mailbox temporarily unavailable'), { responseCode: 451 }));
          return;
        }
        if (holding) await new Promise<void>((resume) => waiting.push({ session: session.id, resume }));
        // Delivered means answered "250": a message whose sender hung up first was never accepted.
        if (closed.has(session.id)) return;
        const mail = await simpleParser(Buffer.concat(chunks));
        messages.push({
          messageId: mail.messageId ?? '',
          key: String(mail.headers.get('x-notification-key') ?? ''),
          to: (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.text ?? '',
          subject: mail.subject ?? '',
          text: mail.text ?? '',
          html: typeof mail.html === 'string' ? mail.html : '',
        });
        callback();
      });
    },
  });
  server.on('error', () => undefined);
  server.server.on('connection', (socket: Socket) => {
    const port = socket.remotePort!;
    sockets.set(port, socket);
    socket.once('close', () => sockets.delete(port));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    failNext: (n) => (failures = n),
    dropNext: (n) => (drops = n),
    connections: () => ({ opened, open: open.size, mostOpen }),
    hold: () => (holding = true),
    release() {
      holding = false;
      waiting.splice(0).forEach((w) => w.resume());
    },
    held: () => waiting.length,
    heldOpen: () => waiting.filter((w) => !closed.has(w.session)).length,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface RecordedWebhook {
  id: string;
  path: string;
  valid: boolean;
  body: Record<string, unknown>;
}

export interface WebhookReceiver {
  baseUrl: string;
  requests: RecordedWebhook[];
  /** Keep requests unanswered until release(); a sender that hangs up meanwhile has not delivered. */
  hold(): void;
  release(): void;
  held(): number;
  heldOpen(): number;
  close(): Promise<void>;
}

/** Answers 200 to correctly signed requests and 401 to the rest, recording both. */
export async function startWebhookReceiver(secret: string): Promise<WebhookReceiver> {
  const requests: RecordedWebhook[] = [];
  let holding = false;
  const waiting: Array<{ gone: () => boolean; resume: () => void }> = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    let gone = false;
    res.once('close', () => (gone = !res.writableEnded));
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      if (holding) await new Promise<void>((resume) => waiting.push({ gone: () => gone, resume }));
      if (gone) return;
      const raw = Buffer.concat(chunks).toString('utf8');
      const valid = verifyWebhook(
        secret,
        req.headers[TIMESTAMP_HEADER] as string,
        raw,
        req.headers[SIGNATURE_HEADER] as string,
      );
      requests.push({
        id: String(req.headers[DELIVERY_ID_HEADER] ?? ''),
        path: req.url ?? '',
        valid,
        body: JSON.parse(raw || '{}'),
      });
      res.writeHead(valid ? 200 : 401).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    hold: () => (holding = true),
    release() {
      holding = false;
      waiting.splice(0).forEach((w) => w.resume());
    },
    held: () => waiting.length,
    heldOpen: () => waiting.filter((w) => !w.gone()).length,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

/** Values that occur more than once: duplicates are what "exactly once" rules out. */
export function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => (seen.has(v) ? true : (seen.add(v), false)));
}

export interface EndlessReceiver {
  baseUrl: string;
  /** Bytes the socket accepted before the client hung up. */
  written(): number;
  /** Settles once the client has closed the connection. */
  hungUp: Promise<void>;
  close(): Promise<void>;
}

/** Answers 200 and streams its body for as long as the client keeps reading (with backpressure). */
export async function startEndlessReceiver(): Promise<EndlessReceiver> {
  let written = 0;
  let closed!: () => void;
  const hungUp = new Promise<void>((r) => (closed = r));
  const server = http.createServer((req, res) => {
    req.resume();
    res.writeHead(200, { 'content-type': 'text/plain' });
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const pump = () => {
      while (!res.destroyed && res.write(chunk)) written += chunk.length;
    };
    res.on('drain', pump);
    res.on('close', closed);
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    written: () => written,
    hungUp,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}
