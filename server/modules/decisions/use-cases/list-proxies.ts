import { sql } from 'kysely';
import type { Ctx } from '../../../kernel/context.ts';
import { containing } from '../../../kernel/db/like.ts';
import { offsetOf, paginate } from '../../../kernel/pagination.ts';
import { type Executor, read } from '../decisions.db.ts';
import { type DecisionRow, ROOMS_OF_ENTRY } from '../decisions.repository.ts';
import { type ProxiesQuery, ProxiesSort } from '../decisions.schemas.ts';
import { decisionFor } from './decision-access.ts';
import { settingsFor } from './rules-in-force.ts';

function proxiesOf(db: Executor, d: Pick<DecisionRow, 'street_id' | 'id'>, accountId: string) {
  return db
    .selectFrom('dec_proxies as p')
    .innerJoin('dec_roll_entries as e', (j) => j.onRef('e.street_id', '=', 'p.street_id').onRef('e.id', '=', 'p.entry_id'))
    .leftJoin('accounts as ar', 'ar.id', 'p.registered_by')
    .leftJoin('accounts as ac', 'ac.id', 'p.checked_by')
    .where('p.street_id', '=', d.street_id)
    .where('p.decision_id', '=', d.id)
    .select([
      'p.id',
      'p.entry_id as entryId',
      'e.no as entryNo',
      'e.label',
      'p.name as proxyName',
      'p.phone_masked as proxyPhoneMasked',
      'p.status',
      sql<string | null>`p.poa->>'sha256'`.as('poaSha256'),
      'ar.display_name as registeredBy',
      sql<boolean>`p.registered_by = ${accountId}`.as('registeredByMe'),
      'p.registered_at as registeredAt',
      'ac.display_name as checkedBy',
      'p.checked_at as checkedAt',
      'p.reject_reason as rejectReason',
      'p.revoked_at as revokedAt',
    ])
    .select((eb) => [
      ROOMS_OF_ENTRY.as('rooms'),
      eb
        .exists(eb.selectFrom('dec_ballots as b').whereRef('b.street_id', '=', 'p.street_id').whereRef('b.proxy_id', '=', 'p.id').where('b.status', '!=', 'invalid').select('b.id'))
        .as('voted'),
    ]);
}

/** One proxy as the list shows it. */
export const presentProxy = (db: Executor, d: Pick<DecisionRow, 'street_id' | 'id'>, accountId: string, proxyId: string) =>
  proxiesOf(db, d, accountId).where('p.id', '=', proxyId).executeTakeFirstOrThrow();

/** 委托投票: the proxies registered for a decision's owners, with the cap the rules set. */
export async function listProxies(ctx: Ctx, id: string, q: ProxiesQuery) {
  const db = read(ctx);
  const d = await decisionFor(db, ctx.actor, id, 'organise');
  const base = proxiesOf(db, d, ctx.actor.accountId)
    .$if(!!q.status, (qb) => qb.where('p.status', '=', q.status!))
    .$if(!!q.q, (qb) =>
      qb.where((eb) =>
        eb.or([
          eb('e.label', 'ilike', containing(q.q!)),
          eb('p.name', 'ilike', containing(q.q!)),
          eb.exists(eb.selectFrom('dec_roll_parts as r2').whereRef('r2.street_id', '=', 'e.street_id').whereRef('r2.entry_id', '=', 'e.id').where('r2.room_label', 'ilike', containing(q.q!)).select('r2.room_id')),
        ]),
      ),
    );
  const [page, settings] = await Promise.all([
    paginate(
      q,
      ProxiesSort.orderBy(base, q).limit(q.pageSize).offset(offsetOf(q)).execute(),
      base.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ),
    settingsFor(db, d),
  ]);
  return { ...page, cap: settings.proxyCap.value, allowed: settings.channels.value.proxy };
}
