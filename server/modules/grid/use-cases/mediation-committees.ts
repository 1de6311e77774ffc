import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { GRID_ROLES } from '../grid.constants.ts';
import { read } from '../grid.db.ts';
import type { MediationLevel, MediatorTitle } from '../grid.mediation.constants.ts';
import { allows, holdsAnywhere } from '../grid.policy.ts';
import { readableCommittees, todayOf } from './mediation-access.ts';

export interface MediatorView {
  id: string;
  accountId: string;
  name: string;
  title: MediatorTitle;
  fromOn: string;
  untilOn: string | null;
  current: boolean;
}
export interface CommitteeView {
  id: string;
  placeId: string;
  placeName: string;
  level: MediationLevel;
  name: string;
  /** The viewer manages it (names and ends mediators, assigns cases). */
  manages: boolean;
  mediators: MediatorView[];
  openCases: number;
  /** Staff accounts working in the committee's area who may be named (for its managers). */
  candidates: { accountId: string; name: string }[];
}

/** The committees the actor may read (its community's and the street's), with their mediators (current and past) and open cases. */
export async function listCommittees(ctx: Ctx): Promise<{ items: CommitteeView[]; places: { id: string; name: string; kind: string }[] }> {
  if (!holdsAnywhere(ctx.actor, 'mediationRead')) throw CommonErrors.FORBIDDEN();
  const db = read(ctx);
  const committees = await readableCommittees(db, ctx).execute();
  const ids = committees.map((c) => c.id);
  const today = todayOf(ctx);
  const [mediators, open] = ids.length
    ? await Promise.all([
        db
          .selectFrom('grid_mediators')
          .select(['id', 'committee_id', 'account_id as accountId', 'name', 'title', 'from_on as fromOn', 'until_on as untilOn'])
          .where('committee_id', 'in', ids)
          .orderBy('title')
          .orderBy('from_on')
          .execute(),
        db.selectFrom('grid_mediation_cases').select(['committee_id', (eb) => eb.fn.countAll<number>().as('n')]).where('committee_id', 'in', ids).where('status', 'in', ['applied', 'accepted', 'in_session']).groupBy('committee_id').execute(),
      ])
    : [[], []];
  // Places where the actor may set a committee up (communities and streets it manages, without one yet).
  const places = await db
    .selectFrom('street_places as p')
    .select(['p.id', 'p.name', 'p.kind', 'p.path'])
    .where('p.kind', 'in', ['community', 'street'])
    .where((eb) => eb.not(eb.exists(eb.selectFrom('grid_mediation_committees as m').select('m.id').whereRef('m.street_id', '=', 'p.street_id').whereRef('m.place_id', '=', 'p.id'))))
    .orderBy('p.path')
    .limit(200)
    .execute();
  const staff = committees.some((c) => allows(ctx.actor, 'mediationManage', c.placePath))
    ? await db
        .selectFrom('grants as g')
        .innerJoin('places as gp', 'gp.id', 'g.place_id')
        .innerJoin('accounts as a', 'a.id', 'g.account_id')
        .select(['a.id as accountId', 'a.display_name as name', 'gp.path'])
        .where('g.role', 'in', [...GRID_ROLES.mediationRead])
        .where('a.disabled', '=', false)
        .orderBy('a.display_name')
        .limit(2000)
        .execute()
    : [];
  return {
    items: committees.map((c) => ({
      id: c.id,
      placeId: c.placeId,
      placeName: c.placeName,
      level: c.level,
      name: c.name,
      manages: allows(ctx.actor, 'mediationManage', c.placePath),
      mediators: mediators
        .filter((m) => m.committee_id === c.id)
        .map(({ committee_id: _, ...m }) => ({ ...m, current: m.fromOn <= today && (m.untilOn === null || m.untilOn >= today) })),
      openCases: Number(open.find((o) => o.committee_id === c.id)?.n ?? 0),
      candidates: allows(ctx.actor, 'mediationManage', c.placePath)
        ? [...new Map(staff.filter((s) => s.path.startsWith(c.placePath)).map((s) => [s.accountId, { accountId: s.accountId, name: s.name }])).values()]
        : [],
    })),
    places: places.filter((p) => allows(ctx.actor, 'mediationManage', p.path)).map(({ path: _, ...p }) => p),
  };
}
