import { findPlace } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { offsetOf, paginate, sortable } from '../../../kernel/pagination.ts';
import { periodContaining } from '../../../kernel/payouts/payouts.ts';
import { read } from '../supervision.db.ts';
import { SupervisionErrors } from '../supervision.errors.ts';
import type { SheetsQuery } from '../supervision.sheets.schemas.ts';
import { readsSheetsOf, sheetsReadFilter } from './sheet-access.ts';

export const SheetsSort = sortable(
  { updatedAt: 's.updated_at', name: 's.name', version: ['s.kind', 's.version'], appliesFrom: ['s.applies_from'] },
  { sort: 'updatedAt', order: 'desc' },
  's.id',
);

function filtered(ctx: Ctx, q: SheetsQuery, streetPath: string | undefined) {
  return read(ctx)
    .selectFrom('sup_sheets as s')
    .innerJoin('places as p', 'p.id', 's.place_id')
    .select([
      's.id',
      's.kind',
      's.name',
      's.version',
      's.status',
      's.applies_from as appliesFrom',
      's.is_demo as isDemo',
      's.frozen_at as frozenAt',
      's.updated_at as updatedAt',
      's.street_id as streetId',
      'p.name as streetName',
      (eb) => eb.selectFrom('sup_sheet_sections as x').whereRef('x.street_id', '=', 's.street_id').whereRef('x.sheet_id', '=', 's.id').select((e) => e.fn.countAll<number>().as('n')).as('sectionCount'),
      (eb) => eb.selectFrom('sup_sheet_indicators as x').whereRef('x.street_id', '=', 's.street_id').whereRef('x.sheet_id', '=', 's.id').select((e) => e.fn.countAll<number>().as('n')).as('indicatorCount'),
    ])
    .where(sheetsReadFilter(ctx.actor, 'p.path'))
    .$if(!!streetPath, (s) => s.where('p.path', '=', streetPath!))
    .$if(!!q.kind, (s) => s.where('s.kind', '=', q.kind!))
    .$if(!!q.status, (s) => s.where('s.status', '=', q.status!))
    .$if(!!q.q, (s) => s.where('s.name', 'ilike', `%${q.q!.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
}

/**
 * The sheets of the streets the actor reads (or of one street — a place below it narrows to its street), with the
 * counts of sections and indicators and which version is in force this quarter.
 */
export async function listSheets(ctx: Ctx, q: SheetsQuery) {
  let streetPath: string | undefined;
  if (q.placeId) {
    const place = await findPlace(read(ctx), q.placeId);
    if (!place || !readsSheetsOf(ctx.actor, place.path)) throw SupervisionErrors.PLACE_NOT_FOUND();
    const street = place.street_id ? await findPlace(read(ctx), place.street_id) : undefined;
    streetPath = street?.path;
  }
  const items = SheetsSort.orderBy(filtered(ctx, q, streetPath), q).limit(q.pageSize).offset(offsetOf(q)).execute();
  const count = filtered(ctx, q, streetPath)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const page = await paginate(q, items, count);
  const current = periodContaining('quarter', ctx.kernel.clock.now()).label;
  // In force now: per street and kind, the greatest (applies_from, version) activated and not after this quarter.
  const inForce = new Map<string, { appliesFrom: string; version: number; id: string }>();
  const activated = await read(ctx)
    .selectFrom('sup_sheets')
    .select(['id', 'street_id', 'kind', 'applies_from', 'version'])
    .where('street_id', 'in', [...new Set(page.items.map((r) => r.streetId)), '00000000-0000-0000-0000-000000000000'])
    .where('status', 'in', ['active', 'retired'])
    .where('applies_from', '<=', current)
    .execute();
  for (const a of activated) {
    const key = `${a.street_id}:${a.kind}`;
    const best = inForce.get(key);
    if (!best || a.applies_from! > best.appliesFrom || (a.applies_from === best.appliesFrom && a.version > best.version)) inForce.set(key, { appliesFrom: a.applies_from!, version: a.version, id: a.id });
  }
  return {
    ...page,
    items: page.items.map((r) => ({ ...r, sectionCount: Number(r.sectionCount), indicatorCount: Number(r.indicatorCount), inForce: inForce.get(`${r.streetId}:${r.kind}`)?.id === r.id })),
  };
}
