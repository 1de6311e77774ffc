import { chinaDay } from '../../../kernel/clock.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { compoundServices } from '../../registry/index.ts';
import { read } from '../fees.db.ts';
import type { RatingState } from '../fees.ratings.constants.ts';
import { billsOfMonth, billsVerdict, ownedCompounds } from './rating-eligibility.ts';
import { openMonths, ratingWindow } from './rating-rules.ts';

const SCORE_COLUMNS = ['r.id', 'r.compound_id as compoundId', 'r.period', 'r.cleaning', 'r.security', 'r.repairs', 'r.greenery', 'r.attitude', 'r.comment', 'r.rated_at as ratedAt'] as const;

/**
 * The resident's ratings page: per compound they own rooms in, the months open for rating today (this one and the
 * last), each `rated` (with what they gave), `rateable`, or why not — `unpaid` with the open bills and what they
 * owe (the page links to paying them), `noBills`, `noCompany` — then their past ratings. A tenant gets no
 * compound: the right goes with ownership.
 */
export async function myRatings(ctx: Ctx) {
  const db = read(ctx);
  const today = chinaDay(ctx.kernel.clock.now());
  const personId = ctx.actor.personId;
  const compounds = personId ? await ownedCompounds(db, ctx) : [];
  const mine = personId
    ? await db.selectFrom('fee_ratings as r').innerJoin('street_places as c', (j) => j.onRef('c.street_id', '=', 'r.street_id').onRef('c.id', '=', 'r.compound_id')).select([...SCORE_COLUMNS, 'c.name as compoundName']).where('r.person_id', '=', personId).orderBy('r.period', 'desc').orderBy('r.rated_at', 'desc').limit(36).execute()
    : [];
  const months = openMonths(today);
  const out = [];
  for (const c of compounds) {
    const company = (await compoundServices(db, c.compoundId)).propertyCompany;
    const rows = [];
    for (const period of months) {
      const rating = mine.find((r) => r.compoundId === c.compoundId && r.period === period);
      const window = ratingWindow(period);
      if (rating) {
        rows.push({ period, ...window, state: 'rated' as RatingState, unpaid: [], unpaidFen: 0, rating: scoresOf(rating) });
        continue;
      }
      if (!company) {
        rows.push({ period, ...window, state: 'noCompany' as RatingState, unpaid: [], unpaidFen: 0, rating: null });
        continue;
      }
      const { verdict, unpaid, unpaidFen } = billsVerdict(await billsOfMonth(db, c.streetId, c.rooms.map((r) => r.roomId), period));
      const state: RatingState = verdict === 'paid' ? 'rateable' : verdict;
      const label = new Map(c.rooms.map((r) => [r.roomId, r.roomLabel]));
      rows.push({ period, ...window, state, unpaid: unpaid.map((b) => ({ billId: b.billId, periodLabel: b.periodLabel, roomLabel: label.get(b.roomId) ?? '', dueFen: b.dueFen })), unpaidFen, rating: null });
    }
    out.push({ compoundId: c.compoundId, compoundName: c.compoundName, company, months: rows });
  }
  return { today, compounds: out, history: mine.map((r) => ({ ...scoresOf(r), compoundId: r.compoundId, compoundName: r.compoundName })) };
}

function scoresOf(r: { id: string; period: string; cleaning: number; security: number; repairs: number; greenery: number; attitude: number; comment: string; ratedAt: Date }) {
  return { id: r.id, period: r.period, cleaning: r.cleaning, security: r.security, repairs: r.repairs, greenery: r.greenery, attitude: r.attitude, comment: r.comment, ratedAt: r.ratedAt };
}

/** The home section: how many months the resident may rate now (0: nothing to show). */
export async function myRateableCount(ctx: Ctx): Promise<number> {
  if (!ctx.actor.personId) return 0;
  const { compounds } = await myRatings(ctx);
  return compounds.reduce((n, c) => n + c.months.filter((m) => m.state === 'rateable').length, 0);
}
