import { sql } from 'kysely';
import type { Executor as AnyExecutor } from '../../../kernel/db/index.ts';
import { read, type Executor, type Tx } from '../registry.db.ts';
import { RegistryErrors } from '../registry.errors.ts';

/**
 * Person tags with a history (migration 0049): reg_persons.tags is the current set, reg_person_tag_spans says
 * from when to when each tag was held. Every path that changes a person's tags calls `syncTagSpans` in the same
 * transaction, after the tags are written: a tag that is no longer held has its open span closed on `day`, a tag
 * newly held gets a span opened on `day`. A span opened and closed on the same day was never held: it is removed.
 */
export async function syncTagSpans(tx: Tx, who: { streetId: string; personIds?: readonly string[]; touchedAt?: Date }, day: string, by: string | null): Promise<void> {
  const persons =
    who.personIds !== undefined
      ? sql`p.id = any(${[...who.personIds]}::uuid[])`
      : sql`p.updated_at = ${who.touchedAt!}`;
  if (who.personIds !== undefined && who.personIds.length === 0) return;
  const dropped = sql`s.street_id = ${who.streetId} and s.held_until is null
    and exists (select 1 from reg_persons p where p.street_id = s.street_id and p.id = s.person_id and ${persons} and not (s.tag = any(p.tags)))`;
  await sql`delete from reg_person_tag_spans s where ${dropped} and s.held_from >= ${day}::date`.execute(tx);
  await sql`update reg_person_tag_spans s set held_until = ${day}::date where ${dropped}`.execute(tx);
  await sql`insert into reg_person_tag_spans (street_id, id, person_id, tag, held_from, set_by, created_at)
    select p.street_id, gen_random_uuid(), p.id, t.tag, ${day}::date, ${by}, now()
    from reg_persons p cross join lateral unnest(p.tags) as t(tag)
    where p.street_id = ${who.streetId} and ${persons}
      and not exists (select 1 from reg_person_tag_spans s where s.street_id = p.street_id and s.person_id = p.id and s.tag = t.tag and s.held_until is null)`.execute(tx);
}

/**
 * The date a change of tags takes effect must not reach back before what the history already says of the tags it
 * changes: a removed tag is removed after its span began, an added tag starts no earlier than its last span ended.
 */
export async function checkTagsChangedOn(db: Executor, person: { street_id: string; id: string; tags: readonly string[] }, next: readonly string[], day: string): Promise<void> {
  const removed = person.tags.filter((t) => !next.includes(t));
  const added = next.filter((t) => !person.tags.includes(t));
  const changed = [...removed, ...added];
  if (changed.length === 0) return;
  const spans = await db
    .selectFrom('reg_person_tag_spans')
    .select(['tag', 'held_from', 'held_until'])
    .where('street_id', '=', person.street_id)
    .where('person_id', '=', person.id)
    .where('tag', 'in', changed)
    .execute();
  for (const s of spans) {
    const open = s.held_until === null;
    if (open && removed.includes(s.tag) && day < s.held_from) throw RegistryErrors.TAGS_DATE_BEFORE_HISTORY({ day: s.held_from });
    if (!open && added.includes(s.tag) && day < s.held_until!) throw RegistryErrors.TAGS_DATE_BEFORE_HISTORY({ day: s.held_until! });
  }
}

export interface TagSpan {
  tag: string;
  heldFrom: string;
  heldUntil: string | null;
}

/** A person's tag history, newest first. */
export function tagHistoryOf(db: Executor, streetId: string, personId: string): Promise<TagSpan[]> {
  return db
    .selectFrom('reg_person_tag_spans')
    .select(['tag', 'held_from as heldFrom', 'held_until as heldUntil'])
    .where('street_id', '=', streetId)
    .where('person_id', '=', personId)
    .orderBy('held_from', 'desc')
    .orderBy('tag')
    .execute();
}

/**
 * For each room, the tags among `tags` held on `day` by a member of its household (any relation: owner,
 * co-owner, family, tenant) — a member as registered on that day: the household row began on or before it and
 * had not ended before it. Rooms with none of the tags are left out. Read by the fees module (先缴后补) through
 * index.ts; it checks access itself.
 */
export async function householdTagsOn(caller: AnyExecutor, roomIds: readonly string[], day: string, tags: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (roomIds.length === 0 || tags.length === 0) return out;
  // Called by other modules with their own view of the transaction (kernel/module-database.ts).
  const rows = await read(caller)
    .selectFrom('reg_households as h')
    .innerJoin('reg_person_tag_spans as s', (j) => j.onRef('s.street_id', '=', 'h.street_id').onRef('s.person_id', '=', 'h.person_id'))
    .select(['h.room_id as roomId', 's.tag'])
    .distinct()
    .where('h.room_id', '=', sql<string>`any(${[...roomIds]}::uuid[])`)
    .where((eb) => eb.or([eb('h.start_date', 'is', null), eb('h.start_date', '<=', day)]))
    .where((eb) => eb.or([eb('h.end_date', 'is', null), eb('h.end_date', '>=', day)]))
    .where('s.tag', '=', sql<string>`any(${[...tags]}::text[])`)
    .where('s.held_from', '<=', day)
    .where((eb) => eb.or([eb('s.held_until', 'is', null), eb('s.held_until', '>', day)]))
    .orderBy('h.room_id')
    .orderBy('s.tag')
    .execute();
  for (const r of rows) out.set(r.roomId, [...(out.get(r.roomId) ?? []), r.tag]);
  return out;
}
