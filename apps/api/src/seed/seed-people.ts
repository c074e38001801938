import { DataSource } from 'typeorm';
import { hashPassword } from '../auth/auth.service';
import { DEMO_PASSWORD, DEMO_PEOPLE, DEMO_UNITS } from './demo-data';

/** The demo people share a published password: a production database must never get them. */
export function refuseInProduction(env: NodeJS.ProcessEnv = process.env): void {
  if (env.NODE_ENV === 'production')
    throw new Error('refusing to load the demo data with NODE_ENV=production: its accounts share a published password');
}

/**
 * Upserts the demo units and people; safe to run on every start, never in production. Once a
 * restructuring was made the tree and the people are the product's: existing rows are left as they are.
 */
export async function seedPeople(ds: DataSource, password = DEMO_PASSWORD): Promise<{ units: number; people: number }> {
  refuseInProduction();
  const hash = await hashPassword(password);
  await ds.transaction(async (tx) => {
    for (const u of DEMO_UNITS) {
      await tx.query(
        `INSERT INTO org_unit (id, name, kind, parent_id) VALUES ($1,$2,$3,$4)
         ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, parent_id = EXCLUDED.parent_id
         WHERE NOT EXISTS (SELECT 1 FROM org_change)`,
        [u.id, u.name, u.kind, u.parentId],
      );
    }
    for (const p of DEMO_PEOPLE) {
      await tx.query(
        `INSERT INTO person (id, username, full_name, title, password_hash, unit_id, roles, fields, email)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)
         ON CONFLICT (id) DO UPDATE SET full_name = EXCLUDED.full_name, title = EXCLUDED.title, unit_id = EXCLUDED.unit_id,
           roles = EXCLUDED.roles, fields = EXCLUDED.fields
         WHERE NOT EXISTS (SELECT 1 FROM org_change)`,
        [p.id, p.username, p.fullName, p.title, hash, p.unitId, p.roles, p.fields, `${p.username}@example.invalid`],
      );
    }
  });
  return { units: DEMO_UNITS.length, people: DEMO_PEOPLE.length };
}
