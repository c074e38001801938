import type { DataSource } from 'typeorm';

export interface MailRecipient {
  id: string;
  locale: string;
  email: string | null;
  active: boolean;
}

/** The person as the e-mail channel sees them, read fresh at delivery (an address may have changed). */
export async function findMailRecipient(dataSource: DataSource, personId: string): Promise<MailRecipient | undefined> {
  const [person]: MailRecipient[] = await dataSource.query('SELECT id, locale, email, active FROM person WHERE id = $1', [personId]);
  return person;
}
