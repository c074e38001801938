/**
 * A local SMTP server for `npm start`: accepts every message, writes it to .data/mail/ as an .eml
 * file and prints one line per message, so e-mail notifications can be read without a real mail
 * server. Development only; production points SMTP_URL at a real relay.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { SMTPServer } from 'smtp-server';

const port = Number(process.argv[2] ?? 1025);
const dir = path.resolve(process.argv[3] ?? '.data/mail');
mkdirSync(dir, { recursive: true });
let count = 0;

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => {
      const raw = Buffer.concat(chunks);
      const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${++count}.eml`);
      writeFileSync(file, raw);
      const subject = /^Subject: (.*)$/m.exec(raw.toString('utf8'))?.[1] ?? '(no subject)';
      const to = session.envelope.rcptTo.map((r) => r.address).join(', ');
      console.log(`mail to ${to}: ${subject} → ${path.relative(process.cwd(), file)}`);
      callback();
    });
  },
});
server.listen(port, '127.0.0.1', () => console.log(`mail catcher listening on 127.0.0.1:${port}, writing to ${dir}`));
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
