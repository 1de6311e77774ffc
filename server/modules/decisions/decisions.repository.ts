import { type Expression, type SqlBool, sql } from 'kysely';
import { pathLabel } from '../../kernel/access/index.ts';
import { containing } from '../../kernel/db/like.ts';
import { countOnce } from '../../kernel/db/read-cache.ts';
import { offsetOf, paginate } from '../../kernel/pagination.ts';
import type { Executor } from './decisions.db.ts';
import { type DecisionsQuery, DecisionsSort, type RollQuery, RollSort } from './decisions.schemas.ts';
import type { Choice } from './tally.ts';

/** SQL for the decisions module's own tables (and reads of the kernel's places and accounts). */

/** A roll part's building, from its room label ("3栋 / 1单元 / 301" → "3栋"); the part is aliased `rp`. */
export const BUILDING_OF_PART = sql<string>`split_part(rp.room_label, ' / ', 1)`;

/** A roll entry's room labels, for a select over entries aliased `e`. */
export const ROOMS_OF_ENTRY = sql<string[] | null>`(select array_agg(rp.room_label) from dec_roll_parts rp where rp.street_id = e.street_id and rp.entry_id = e.id)`;

/** The rooms of each roll entry of a decision, in label order: entry id → labels. */
export async function roomsByEntry(db: Executor, streetId: string, decisionId: string): Promise<Map<string, string[]>> {
  const parts = await db.selectFrom('dec_roll_parts').select(['entry_id', 'room_label']).where('street_id', '=', streetId).where('decision_id', '=', decisionId).orderBy('room_label').execute();
  const rooms = new Map<string, string[]>();
  for (const p of parts) rooms.set(p.entry_id, [...(rooms.get(p.entry_id) ?? []), p.room_label]);
  return rooms;
}

/** A decision with its place's path (for the policy), optionally locked for a change of status. */
export function loadDecisionRow(db: Executor, id: string, forUpdate = false) {
  return db
    .selectFrom('dec_decisions as d')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'd.street_id').onRef('p.id', '=', 'd.place_id'))
    .selectAll('d')
    .select(['p.path as place_path', 'p.name as place_name'])
    .select(pathLabel('p.path', ['community', 'compound', 'building', 'unit']).as('place_label'))
    .where('d.id', '=', id)
    .$if(forUpdate, (q) => q.forUpdate('d'))
    .executeTakeFirst();
}
export type DecisionRow = NonNullable<Awaited<ReturnType<typeof loadDecisionRow>>>;

export function listDecisions(db: Executor, q: DecisionsQuery & { underPath?: string }, filter: Expression<SqlBool>) {
  const base = db
    .selectFrom('dec_decisions as d')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'd.street_id').onRef('p.id', '=', 'd.place_id'))
    .where(filter)
    .$if(!!q.underPath, (qb) => qb.where('p.path', 'like', `${q.underPath}%`))
    .$if(!!q.status, (qb) => qb.where('d.status', '=', q.status!))
    .$if(!!q.kind, (qb) => qb.where('d.kind', '=', q.kind!))
    .$if(!!q.q, (qb) => qb.where('d.title', 'ilike', containing(q.q!)));
  return paginate(
    q,
    DecisionsSort.orderBy(base, q)
      .select([
        'd.id',
        'd.title',
        'd.status',
        'd.kind',
        'd.place_id as placeId',
        'd.opens_at as opensAt',
        'd.closes_at as closesAt',
        'd.total_heads as totalHeads',
        'd.total_area_centi as totalAreaCenti',
        'd.created_at as createdAt',
      ])
      .select(pathLabel('p.path', ['community', 'compound', 'building', 'unit']).as('placeLabel'))
      .select((eb) =>
        eb
          .selectFrom('dec_ballots as b')
          .whereRef('b.street_id', '=', 'd.street_id')
          .whereRef('b.decision_id', '=', 'd.id')
          .where('b.status', '=', 'counted')
          .select((e) => e.fn.countAll<number>().as('n'))
          .as('ballots'),
      )
      .limit(q.pageSize)
      .offset(offsetOf(q))
      .execute(),
    countOnce(db, base.select((eb) => eb.fn.countAll<number>().as('n'))),
  );
}

export const itemsOf = (db: Executor, streetId: string, decisionId: string) =>
  db.selectFrom('dec_items').selectAll().where('street_id', '=', streetId).where('decision_id', '=', decisionId).orderBy('no').execute();

/** The roll's live entries (merged ones left out), with their rooms, in roll order. */
export function listRoll(db: Executor, streetId: string, decisionId: string, q: RollQuery) {
  const base = db
    .selectFrom('dec_roll_entries as e')
    .where('e.street_id', '=', streetId)
    .where('e.decision_id', '=', decisionId)
    .where('e.merged_into', 'is', null)
    .$if(!!q.q, (qb) =>
      qb.where((eb) =>
        eb.or([
          eb('e.label', 'ilike', containing(q.q!)),
          eb.exists(
            eb
              .selectFrom('dec_roll_parts as rp')
              .whereRef('rp.street_id', '=', 'e.street_id')
              .whereRef('rp.entry_id', '=', 'e.id')
              .where('rp.room_label', 'ilike', containing(q.q!))
              .select('rp.room_id'),
          ),
        ]),
      ),
    );
  return paginate(
    q,
    RollSort.orderBy(base, q)
      .select(['e.id', 'e.no', 'e.kind', 'e.label', 'e.area_centi as areaCenti', 'e.representative_id as representativeId'])
      .select((eb) =>
        eb
          .selectFrom('dec_roll_parts as rp')
          .whereRef('rp.street_id', '=', 'e.street_id')
          .whereRef('rp.entry_id', '=', 'e.id')
          .select((e) => e.fn.agg<string[]>('array_agg', [e.ref('rp.room_label')]).as('rooms'))
          .as('rooms'),
      )
      .limit(q.pageSize)
      .offset(offsetOf(q))
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  );
}

/** The counted ballots of a decision, as the tally takes them: one per head, with its area. */
export async function countedBallots(db: Executor, streetId: string, decisionId: string) {
  const rows = await db
    .selectFrom('dec_ballots as b')
    .innerJoin('dec_roll_entries as e', (j) => j.onRef('e.street_id', '=', 'b.street_id').onRef('e.id', '=', 'b.entry_id'))
    .select(['b.entry_id', 'e.area_centi', 'b.choices'])
    .where('b.street_id', '=', streetId)
    .where('b.decision_id', '=', decisionId)
    .where('b.status', '=', 'counted')
    .execute();
  return rows.map((r) => ({ entryId: r.entry_id, areaCenti: r.area_centi, choices: r.choices as Record<string, Choice> }));
}

/** Participation so far: heads and area that cast a counted ballot. */
export async function participation(db: Executor, streetId: string, decisionId: string) {
  const row = await db
    .selectFrom('dec_ballots as b')
    .innerJoin('dec_roll_entries as e', (j) => j.onRef('e.street_id', '=', 'b.street_id').onRef('e.id', '=', 'b.entry_id'))
    .select((eb) => [eb.fn.countAll<number>().as('heads'), eb.fn.coalesce(eb.fn.sum<number>('e.area_centi'), eb.lit(0)).as('area')])
    .where('b.street_id', '=', streetId)
    .where('b.decision_id', '=', decisionId)
    .where('b.status', '=', 'counted')
    .executeTakeFirstOrThrow();
  return { heads: Number(row.heads), areaCenti: Number(row.area) };
}

/** The live roll entries the person may vote for (as an owner or co-owner) in a decision. */
export const entriesOfPerson = (db: Executor, streetId: string, decisionId: string, personId: string) =>
  db
    .selectFrom('dec_roll_entries')
    .selectAll()
    .where('street_id', '=', streetId)
    .where('decision_id', '=', decisionId)
    .where('merged_into', 'is', null)
    .where(sql<boolean>`person_ids @> array[${personId}]::uuid[]`)
    .orderBy('no')
    .execute();

/** The request waiting for a second approver to open or close the decision, if any (the kernel's approvals). */
export const pendingApproval = (db: Executor, streetId: string, decisionId: string) =>
  db
    .selectFrom('approvals')
    .select(['id', 'kind', 'requested_by', 'requested_at'])
    .where('street_id', '=', streetId)
    .where('kind', 'in', ['decisions.open', 'decisions.close'])
    .where('status', '=', 'pending')
    .where(sql<boolean>`payload->>'decisionId' = ${decisionId}`)
    .executeTakeFirst();
