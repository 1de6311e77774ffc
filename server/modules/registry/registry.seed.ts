import { syncTagSpans } from './use-cases/tag-spans.ts';
import { chinaDay } from '../../kernel/clock.ts';
import { type Insertable, sql } from 'kysely';
import { storedPlace, SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import { recordAudit } from '../../kernel/audit/audit.ts';
import { createAccount, grantRole } from '../../kernel/auth/accounts.ts';
import type { Kernel } from '../../kernel/context.ts';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { DEMO_UNACTIVATED } from './demo/plan-homes.ts';
import { DEMO_STREET, planDemoStreet } from './demo/plan.ts';
import { read, type RegistryDb, type Tx } from './registry.db.ts';
import { contactColumns } from './use-cases/create-organisation.ts';
import { personPiiColumns } from './use-cases/person-input.ts';

/** The registry's stream of the demo's draws (recorded in the audit entry). */
export const REGISTRY_DEMO_SEED = 20261122;
// Rows per INSERT: far below PostgreSQL's 65,535 bind parameters, large enough that ~20,000 rows take ~50 statements.
const BATCH = 500;

async function insertAll<T extends keyof RegistryDb & string>(tx: Tx, table: T, rows: readonly Insertable<RegistryDb[T]>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    // Kysely cannot resolve a table-generic values() type; the rows are typed by the signature above.
    await tx
      .insertInto(table)
      .values(rows.slice(i, i + BATCH) as never)
      .execute();
  }
}

/**
 * The registry's part of the demo, first of all: the demo street (demo/plan.ts) and its logins, written
 * in one transaction (a half-seeded registry is worse than none) with one audit entry. Hands on the
 * street (DEMO_STREET) and the logins; a no-op when any place exists.
 */
export async function seedRegistryDemo(kernel: Kernel, demo: DemoSeedContext): Promise<void> {
  const db = read(kernel);
  if (await db.selectFrom('places').select('id').limit(1).executeTakeFirst()) return;
  const plan = planDemoStreet(demo.random(REGISTRY_DEMO_SEED));
  const { pii } = kernel;
  const streetId = plan.street.street.id;
  const persons: Insertable<RegistryDb['reg_persons']>[] = plan.persons.map((p) => ({
    street_id: streetId,
    id: p.id,
    place_id: p.placeId,
    name: p.name,
    tags: [...p.tags].sort(),
    ...personPiiColumns(pii, { phone: p.phone, idNumber: p.idNumber }),
  }));
  const organisations: Insertable<RegistryDb['reg_organisations']>[] = plan.organisations.map((o) => ({
    street_id: streetId,
    id: o.id,
    place_id: o.placeId,
    kind: o.kind,
    name: o.name,
    parent_id: o.parentId,
    party_level: o.partyLevel,
    credit_code: o.creditCode,
    ...contactColumns(pii, o.contactPhone),
  }));

  // Every registry row of the demo is in its one street (docs/adr/0003-street-keys.md).
  const inStreet = <T extends object>(rows: T[]) => rows.map((r) => ({ street_id: streetId, ...r }));
  await db.transaction().execute(async (tx) => {
    // Order follows the foreign keys; within a list, parents come before children. The region above
    // the street goes to its table, the street and its places to theirs.
    const stored = plan.places.map(storedPlace);
    await insertAll(tx, 'regions', stored.flatMap((s) => (s.table === 'regions' ? [s.row] : [])));
    await insertAll(tx, 'street_places', stored.flatMap((s) => (s.table === 'street_places' ? [s.row] : [])));
    await insertAll(tx, 'reg_organisations', organisations);
    await insertAll(tx, 'reg_compounds', inStreet(plan.compounds));
    await insertAll(tx, 'reg_rooms', inStreet(plan.rooms));
    await insertAll(tx, 'reg_persons', persons);
    // The tags' history: the demo's certificates (低保, 特困 …) dated two years before the seed, so every demo bill
    // falls within them (use-cases/tag-spans.ts).
    await syncTagSpans(tx, { streetId, personIds: persons.map((p) => p.id) }, chinaDay(new Date(demo.now.getTime() - 730 * 86_400_000)), null);
    await insertAll(tx, 'reg_households', inStreet(plan.households));
    await insertAll(tx, 'reg_positions', inStreet(plan.positions));
    for (const a of plan.accounts) {
      const id = await createAccount(tx, pii, {
        username: a.username ?? undefined,
        phone: a.phone ?? undefined,
        displayName: a.displayName,
        password: demo.password,
        passwordHash: demo.passwordHash,
        personId: a.personId,
      });
      if (a.role !== 'resident') for (const placeId of a.grantPlaceIds) await grantRole(tx, id, a.role, placeId);
      demo.accounts.push({
        id,
        login: a.username ?? a.phone!,
        name: a.displayName,
        role: a.role,
        personId: a.personId,
        placeIds: a.grantPlaceIds,
        place: a.placeLabel,
      });
    }
    await recordAudit(
      tx,
      { accountId: SYSTEM_ACTOR.accountId, name: SYSTEM_ACTOR.name },
      {
        action: 'demo.seeded',
        placeId: streetId,
        subjectType: 'place',
        subjectId: streetId,
        detail: {
          seed: REGISTRY_DEMO_SEED,
          places: plan.places.length,
          rooms: plan.rooms.length,
          persons: plan.persons.length,
          households: plan.households.length,
          organisations: plan.organisations.length,
          positions: plan.positions.length,
          accounts: plan.accounts.length,
        },
      },
      kernel.clock.now(),
    );
  });

  // Fresh statistics for the planner now, rather than when autovacuum next comes by: with the
  // empty-table estimates it picks plans that make the first lists several times slower.
  await sql`analyze regions, street_places, reg_organisations, reg_compounds, reg_rooms, reg_persons, reg_households, reg_positions`.execute(db);
  demo.put(DEMO_STREET, plan.street);
  const u = DEMO_UNACTIVATED;
  demo.notes.push(
    'To try activation 试用激活: sign up at /h5/signup (SMS code in the workbench\'s 短信沙箱), then claim',
    `${u.compound} ${u.building}${u.unit}${u.room} as ${u.name}, ID number ending 身份证后四位 ${u.idLast4}`,
  );
}
