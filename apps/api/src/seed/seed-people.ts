import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { hashPassword } from '../auth/auth.service';
import { DEMO_PASSWORD, DEMO_PEOPLE, DEMO_POSITIONS, DEMO_UNITS, demoUnitValidity } from './demo-data';
import { seedFieldGroups } from './seed-field-groups';

/** A stable uuid for a demo row, so seeding again finds the same position. */
function demoUuid(key: string): string {
  const h = createHash('sha256').update(`demo:${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The demo people share a published password: a production database must never get them. */
export function refuseInProduction(env: NodeJS.ProcessEnv = process.env): void {
  if (env.NODE_ENV === 'production')
    throw new Error('refusing to load the demo data with NODE_ENV=production: its accounts share a published password');
}

/**
 * Upserts the demo units (with codes and first days) and people, and adds their positions and the
 * provinces' field groups once (a row already there is left as it is); safe to run on every start, never
 * in production. Once a restructuring was made the tree and the people are the product's: existing rows
 * are left as they are.
 */
export async function seedPeople(ds: DataSource, password = DEMO_PASSWORD): Promise<{ units: number; people: number }> {
  refuseInProduction();
  const hash = await hashPassword(password);
  await ds.transaction(async (tx) => {
    for (const u of DEMO_UNITS) {
      const { code, validFrom } = demoUnitValidity(u);
      await tx.query(
        `INSERT INTO org_unit (id, name, kind, parent_id, code, valid_from) VALUES ($1,$2,$3,$4,$5,$6)
         ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, parent_id = EXCLUDED.parent_id,
           code = EXCLUDED.code, valid_from = COALESCE(org_unit.valid_from, EXCLUDED.valid_from)
         WHERE NOT EXISTS (SELECT 1 FROM org_change)`,
        [u.id, u.name, u.kind, u.parentId, code, validFrom],
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
    for (const p of DEMO_POSITIONS) {
      await tx.query(
        `INSERT INTO position (id, person_id, unit_id, title, roles, seat, fields, starts_on, ends_on, end_reason)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) ON CONFLICT (id) DO NOTHING`,
        [
          demoUuid(`position:${p.personId}:${p.unitId}:${p.startsOn}`),
          p.personId,
          p.unitId,
          p.title,
          p.roles,
          p.seat,
          p.fields,
          p.startsOn,
          p.endsOn,
          p.endReason,
        ],
      );
    }
    await seedFieldGroups(tx);
  });
  return { units: DEMO_UNITS.length, people: DEMO_PEOPLE.length };
}
