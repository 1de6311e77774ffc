import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appDb, buildApp } from '../server/app.ts';
import { SYSTEM_ACTOR, insertPlace, type PlaceRow } from '../server/kernel/access/index.ts';
import { createAccount, grantRole } from '../server/kernel/auth/accounts.ts';
import { createSession } from '../server/kernel/auth/sessions.ts';
import { bootKernel } from '../server/kernel/boot.ts';
import { loadConfig } from '../server/kernel/config.ts';
import { type Ctx, write } from '../server/kernel/context.ts';
import { newId } from '../server/kernel/ids.ts';
import { assignBuilding } from '../server/modules/grid/use-cases/emergency-assign.ts';
import { declareEmergency } from '../server/modules/grid/use-cases/emergency-declare.ts';
import { autocannon, HOST } from './util.ts';

/**
 * 入户排查 under load, on the embedded default, over HTTP against a real server on 127.0.0.1: a compound of 3,000
 * households (60 buildings of 50) in emergency mode with its screening; 30 visitors (grid workers with sessions), each
 * assigned 1/30 of the buildings, mark every household concurrently — 「开始入户」 (the claim) then the status — until all
 * 3,000 are marked: households marked per second (each is a claim and a mark, two transactions with audit entries).
 * Then the coverage view (GET …/coverage, what the workbench polls) at 50 connections for 10 s: its p99. Baselines in
 * the same run: a second compound's 300 households marked by one visitor at a time, and the coverage view at one
 * connection. Every household must end marked and every mark audited, or the bench fails. Bounded: 6 minutes.
 * BENCH_HOUSEHOLDS / BENCH_VISITORS override the size (buildings = 2 × visitors).
 * Last line: `emergency screening: 3000 households by 30 visitors — N updates/s (one at a time: M updates/s); coverage p99 X ms at 50 connections (1 connection: Y ms)`.
 */
const HOUSEHOLDS = Number(process.env.BENCH_HOUSEHOLDS ?? 3000);
const VISITORS = Number(process.env.BENCH_VISITORS ?? 30);
const BUILDINGS = VISITORS * 2;
const SAMPLE = Math.min(300, HOUSEHOLDS);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const LIMIT_MS = 6 * 60_000;
const limit = setTimeout(() => {
  process.stderr.write(`emergency-screening: not done within ${LIMIT_MS / 1000} s\n`);
  process.exit(1);
}, LIMIT_MS);
limit.unref();

const dataDir = mkdtempSync(join(tmpdir(), 'gz-bench-emergency-'));
const config = loadConfig({ GZ_DATA_DIR: dataDir, GZ_HOST: HOST, GZ_PORT: '0', GZ_LOG_LEVEL: 'silent' });
const kernel = await bootKernel(config);
const system: Ctx = { kernel, actor: SYSTEM_ACTOR };
type Session = { token: string; csrf: string };

/** A compound of `households` owner-occupied rooms over `buildings` buildings (one unit each), inserted in one transaction. */
async function compound(street: PlaceRow, community: PlaceRow, name: string, households: number, buildings: number) {
  return write(system, async (tx) => {
    const c = await insertPlace(tx, { parent: community, kind: 'compound', name });
    await tx.insertInto('reg_compounds' as never).values({ street_id: street.id, place_id: c.id, management_mode: 'professional' } as never).execute();
    const perBuilding = Math.ceil(households / buildings);
    const rooms: { street_id: string; place_id: string; floor: number; area_centi: number; area_source: string; use: string }[] = [];
    const persons: { street_id: string; id: string; place_id: string; name: string }[] = [];
    const held: { street_id: string; id: string; room_id: string; person_id: string; relation: string; share_bp: number }[] = [];
    const buildingIds: string[] = [];
    let made = 0;
    for (let b = 0; b < buildings && made < households; b++) {
      const building = await insertPlace(tx, { parent: c, kind: 'building', name: `${b + 1}栋` });
      buildingIds.push(building.id);
      const unit = await insertPlace(tx, { parent: building, kind: 'unit', name: '1单元' });
      for (let r = 0; r < perBuilding && made < households; r++, made++) {
        const floor = Math.floor(r / 2) + 1;
        const room = await insertPlace(tx, { parent: unit, kind: 'room', name: `${floor}0${(r % 2) + 1}` });
        const person = newId();
        rooms.push({ street_id: street.id, place_id: room.id, floor, area_centi: 8950, area_source: 'register', use: 'residential' });
        persons.push({ street_id: street.id, id: person, place_id: c.id, name: `住户${made + 1}` });
        held.push({ street_id: street.id, id: newId(), room_id: room.id, person_id: person, relation: 'owner', share_bp: 10000 });
      }
    }
    for (let i = 0; i < rooms.length; i += 1000) {
      await tx.insertInto('reg_rooms' as never).values(rooms.slice(i, i + 1000) as never).execute();
      await tx.insertInto('reg_persons' as never).values(persons.slice(i, i + 1000) as never).execute();
      await tx.insertInto('reg_households' as never).values(held.slice(i, i + 1000) as never).execute();
    }
    return { id: c.id, buildingIds };
  });
}

try {
  const started = Date.now();
  const { street, community } = await write(system, async (tx) => {
    const street = await insertPlace(tx, { parent: null, kind: 'street', name: '压测街道' });
    return { street, community: await insertPlace(tx, { parent: street, kind: 'community', name: '压测社区' }) };
  });
  const big = await compound(street, community, '压测小区', HOUSEHOLDS, BUILDINGS);
  const small = await compound(street, community, '对照小区', SAMPLE, Math.max(1, Math.ceil(SAMPLE / 50)));
  // The visitors (grid workers over the community) and an official who reads the coverage, each with a session.
  const { visitors, official } = await write(system, async (tx) => {
    const visitors: { accountId: string; session: Session }[] = [];
    for (let i = 0; i < VISITORS; i++) {
      const accountId = await createAccount(tx, kernel.pii, { username: `visitor${i + 1}`, displayName: `网格员${i + 1}`, password: 'x', passwordHash: 'x' });
      await grantRole(tx, accountId, 'grid_worker', community.id);
      const s = await createSession(tx, accountId, kernel.clock.now());
      visitors.push({ accountId, session: { token: s.token, csrf: s.csrfToken } });
    }
    const officialId = await createAccount(tx, kernel.pii, { username: 'official', displayName: '街道干部', password: 'x', passwordHash: 'x' });
    await grantRole(tx, officialId, 'street_official', street.id);
    const s = await createSession(tx, officialId, kernel.clock.now());
    return { visitors, official: { token: s.token, csrf: s.csrfToken } };
  });
  process.stdout.write(`${HOUSEHOLDS} + ${SAMPLE} households, ${VISITORS} visitors in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);

  // Building the app wires the modules' declarations (templates) into the kernel: before any use case.
  const app = await buildApp(kernel, { logger: false });
  await app.listen({ host: HOST, port: 0 });
  const base = `http://${HOST}:${(app.server.address() as { port: number }).port}`;
  const db = appDb(kernel);

  /** Declares at a compound, assigns building i to visitor i mod VISITORS; answers the households by visitor. */
  const prepare = async (compoundId: string, buildingIds: string[]) => {
    const d = await declareEmergency(system, { placeId: compoundId, level: 'general', reason: '压测：入户排查', screening: true });
    for (const [i, b] of buildingIds.entries()) await assignBuilding(system, d.id, { buildingId: b, accountId: visitors[i % VISITORS]!.accountId });
    const rows = await db
      .selectFrom('grid_emergency_households as h')
      .innerJoin('grid_emergency_screenings as s', 's.id', 'h.screening_id')
      .select(['h.id', 'h.building_id as buildingId'])
      .where('s.declaration_id', '=', d.id)
      .orderBy('h.seq')
      .execute();
    const index = new Map(buildingIds.map((b, i) => [b, i % VISITORS]));
    return { id: d.id, households: rows.map((r) => ({ id: r.id, visitor: index.get(r.buildingId)! })) };
  };
  const post = async (s: Session, path: string, body: object) => {
    const res = await fetch(`${base}${path}`, { method: 'POST', headers: { cookie: `gz_session=${s.token}`, 'x-csrf-token': s.csrf, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (res.status !== 200) throw new Error(`${path} answered ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
  };
  const STATUSES = ['visited', 'visited', 'visited', 'visited', 'nobody_home', 'refused', 'needs_help'] as const;
  const visit = async (h: { id: string; visitor: number }, n: number) => {
    const s = visitors[h.visitor]!.session;
    await post(s, `/api/grid/emergency/households/${h.id}/claim`, {});
    const status = STATUSES[n % STATUSES.length]!;
    await post(s, `/api/grid/emergency/households/${h.id}/mark`, { status, need: status === 'needs_help' ? '需要代购药品' : '', answers: { '0': n % 5 ? 'no' : 'yes', '1': 'no' } });
  };
  const markedOf = async (id: string) => {
    const rows = await db
      .selectFrom('grid_emergency_households as h')
      .innerJoin('grid_emergency_screenings as s', 's.id', 'h.screening_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('s.declaration_id', '=', id)
      .where('h.status', '<>', 'pending')
      .executeTakeFirstOrThrow();
    return Number(rows.n);
  };

  // ——— the baseline: the sample compound, one household at a time ———
  const sample = await prepare(small.id, small.buildingIds);
  await visit(sample.households[0]!, 0); // warm-up (JIT, prepared statements): not counted
  const t1 = performance.now();
  for (const [n, h] of sample.households.slice(1).entries()) await visit(h, n + 1);
  const serialSeconds = (performance.now() - t1) / 1000;
  const serialCount = sample.households.length - 1;

  // ——— all visitors at once: each marks its own buildings' households in order ———
  const screening = await prepare(big.id, big.buildingIds);
  const byVisitor = Array.from({ length: VISITORS }, () => [] as { id: string; visitor: number }[]);
  for (const h of screening.households) byVisitor[h.visitor]!.push(h);
  const t0 = performance.now();
  await Promise.all(byVisitor.map(async (list) => { for (const [n, h] of list.entries()) await visit(h, n); }));
  const concurrentSeconds = (performance.now() - t0) / 1000;
  const marked = await markedOf(screening.id);
  const audits = await db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'grid.emergency.marked').executeTakeFirstOrThrow();

  // ——— the coverage view under load, and at one connection ———
  const headers = { cookie: `gz_session=${official.token}` };
  const url = `${base}/api/grid/emergency/declarations/${screening.id}/coverage`;
  const one = await autocannon(url, { connections: 1, seconds: Math.max(3, Math.round(SECONDS / 2)), headers });
  const fifty = await autocannon(url, { connections: 50, seconds: SECONDS, headers });
  await app.close();

  const rate = (n: number, s: number) => Math.round(n / s);
  process.stdout.write(`concurrent: ${screening.households.length} households (claim + mark) in ${concurrentSeconds.toFixed(2)} s; ${marked} marked, ${Number(audits.n)} marks audited in all\n`);
  process.stdout.write(`one at a time: ${serialCount} households in ${serialSeconds.toFixed(2)} s\n`);
  process.stdout.write(`coverage: 50 connections ${Math.round(fifty.reqPerSec)} req/s p50 ${fifty.p50} ms p99 ${fifty.p99} ms (${fifty.non2xx} non-2xx, ${fifty.errors} errors); 1 connection p50 ${one.p50} ms p99 ${one.p99} ms\n`);
  const exact = marked === HOUSEHOLDS && Number(audits.n) === HOUSEHOLDS + SAMPLE && fifty.non2xx === 0 && fifty.errors === 0 && one.non2xx === 0;
  if (!exact) process.exitCode = 1;
  process.stdout.write(
    `emergency screening: ${HOUSEHOLDS} households by ${VISITORS} visitors — ${rate(screening.households.length, concurrentSeconds)} updates/s (one at a time: ${rate(serialCount, serialSeconds)} updates/s); coverage p99 ${fifty.p99} ms at 50 connections (1 connection: ${one.p99} ms)\n`,
  );
} finally {
  await kernel.database.close();
  rmSync(dataDir, { recursive: true, force: true });
}
