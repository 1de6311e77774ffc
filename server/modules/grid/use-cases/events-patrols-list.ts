import { isSystem, pathInScope, scopePrefixes } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { containing } from '../../../kernel/db/like.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { type Page, offsetOf, paginate } from '../../../kernel/pagination.ts';
import { read } from '../grid.db.ts';
import type { PatrolsQuery } from '../grid.events.schemas.ts';
import type { LiaisonLine } from '../grid.tables.ts';
import { readsEvents } from './events-access.ts';
import { LIAISON_ROLES } from './events-liaisons-list.ts';
import { type FileSummary, filesOf } from './files.ts';

export interface PatrolRow {
  id: string;
  compoundId: string;
  compoundName: string;
  patrolOn: string;
  findings: string;
  recordedByName: string;
  liaisons: { id: string; name: string; line: LiaisonLine; departmentName: string }[];
  files: FileSummary[];
  /** Events reported from the patrol. */
  events: number;
}

function filtered(ctx: Ctx, q: PatrolsQuery) {
  return read(ctx)
    .selectFrom('grid_patrols as t')
    .innerJoin('street_places as c', (j) => j.onRef('c.street_id', '=', 't.street_id').onRef('c.id', '=', 't.compound_id'))
    .where(pathInScope('c.path', scopePrefixes(ctx.actor, LIAISON_ROLES)))
    .$if(!!q.compoundId, (s) => s.where('t.compound_id', '=', q.compoundId!))
    .$if(!!q.q, (s) => {
      const like = containing(q.q!);
      return s.where((eb) => eb.or([eb('t.findings', 'ilike', like), eb('c.name', 'ilike', like)]));
    });
}

/** 联合巡查: the joint patrols at the compounds the actor may see, newest first, with the liaisons present, photos and the events found. */
export async function listPatrols(ctx: Ctx, q: PatrolsQuery): Promise<Page<PatrolRow>> {
  if (!isSystem(ctx.actor) && !readsEvents(ctx)) throw CommonErrors.FORBIDDEN();
  const db = read(ctx);
  const items = filtered(ctx, q)
    .select(['t.id', 't.street_id as streetId', 't.compound_id as compoundId', 'c.name as compoundName', 't.patrol_on as patrolOn', 't.findings', 't.recorded_by_name as recordedByName', 't.liaison_ids as liaisonIds'])
    .select((eb) => eb.selectFrom('grid_events as ev').select((x) => x.fn.countAll<number>().as('n')).whereRef('ev.street_id', '=', 't.street_id').whereRef('ev.patrol_id', '=', 't.id').as('events'))
    .orderBy('t.patrol_on', 'desc')
    .orderBy('t.id')
    .limit(q.pageSize)
    .offset(offsetOf(q))
    .execute();
  const count = filtered(ctx, q)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const page = await paginate(q, items, count);
  const liaisonIds = [...new Set(page.items.flatMap((p) => p.liaisonIds))];
  const liaisons = liaisonIds.length ? await db.selectFrom('grid_liaisons').select(['id', 'name', 'line', 'department_name as departmentName']).where('id', 'in', liaisonIds).execute() : [];
  const out: PatrolRow[] = [];
  for (const p of page.items) {
    const files = (await filesOf(db, p.streetId, 'event', [p.id])).get(p.id) ?? [];
    out.push({
      id: p.id,
      compoundId: p.compoundId,
      compoundName: p.compoundName,
      patrolOn: p.patrolOn,
      findings: p.findings,
      recordedByName: p.recordedByName,
      liaisons: p.liaisonIds.map((id) => liaisons.find((l) => l.id === id)).filter((l) => !!l),
      files,
      events: Number(p.events ?? 0),
    });
  }
  return { ...page, items: out };
}
