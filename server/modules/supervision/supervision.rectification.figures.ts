import { type RawBuilder, sql } from 'kysely';
import { type FigureDefinition, type FigurePlaceKind, type FigureWindow, rollUp } from '../../kernel/figures/figures.ts';
import { type Executor, read } from './supervision.db.ts';

/**
 * Rectification notices per place, where the problem is (street, community, compound):
 * - `supervision.notices_issued` (flow): notices issued in the month;
 * - `supervision.notices_closed` (flow): notices verified and closed in the month;
 * - `supervision.notices_open` (stock): notices issued before the window's end and not closed before it;
 * - `supervision.notices_overdue` (stock): of those, the ones waiting for the company whose deadline of the current
 *   round had passed by the window's end.
 */
const KINDS: FigurePlaceKind[] = ['street', 'community', 'compound'];

async function countWhere(db: Executor, at: FigureWindow, where: RawBuilder<boolean>) {
  const r = await sql<{ placeId: string; numerator: number }>`
    select up.place_id as "placeId", count(*)::int as numerator
    from sup_notices n
    join street_places p on p.street_id = n.street_id and p.id = n.place_id
    ${rollUp('p.path', at)}
    where n.street_id = ${at.streetId} and ${where}
    group by up.place_id`.execute(read(db));
  return r.rows.map((x) => ({ placeId: x.placeId, numerator: Number(x.numerator), denominator: null }));
}

const openAt = (to: Date) => sql<boolean>`n.issued_at < ${to} and (n.closed_at is null or n.closed_at >= ${to})`;

export const rectificationFigures: FigureDefinition[] = [
  {
    key: 'supervision.notices_issued',
    name: { zh: '下发整改通知单', en: 'Rectification notices issued' },
    definition: { zh: '当月下发的整改通知单数（按问题所在位置）', en: 'Rectification notices issued in the month (by the place of the problem)' },
    numerator: { zh: '下发', en: 'Issued' },
    unit: 'count',
    placeKinds: KINDS,
    count: (db, at) => countWhere(db, at, sql<boolean>`n.issued_at >= ${at.from} and n.issued_at < ${at.to}`),
  },
  {
    key: 'supervision.notices_closed',
    name: { zh: '整改销号', en: 'Rectification notices closed' },
    definition: { zh: '当月核验通过并销号的整改通知单数', en: 'Rectification notices verified and closed in the month' },
    numerator: { zh: '销号', en: 'Closed' },
    unit: 'count',
    placeKinds: KINDS,
    count: (db, at) => countWhere(db, at, sql<boolean>`n.closed_at >= ${at.from} and n.closed_at < ${at.to}`),
  },
  {
    key: 'supervision.notices_open',
    name: { zh: '未销号整改通知单', en: 'Open rectification notices' },
    definition: { zh: '统计时点已下发、尚未销号的整改通知单数', en: 'Rectification notices issued and not yet closed when counted' },
    numerator: { zh: '未销号', en: 'Open' },
    unit: 'count',
    placeKinds: KINDS,
    better: 'lower',
    count: (db, at) => countWhere(db, at, openAt(at.to)),
  },
  {
    key: 'supervision.notices_overdue',
    name: { zh: '逾期未整改通知单', en: 'Overdue rectification notices' },
    definition: {
      zh: '统计时点未销号、等待物业整改且已超过本轮整改期限的整改通知单数',
      en: 'Open rectification notices waiting for the company past the deadline of their current round when counted',
    },
    numerator: { zh: '逾期', en: 'Overdue' },
    unit: 'count',
    placeKinds: KINDS,
    better: 'lower',
    count: (db, at) => countWhere(db, at, sql<boolean>`${openAt(at.to)} and n.status in ('issued', 'reissued') and n.due_at <= ${at.to}`),
  },
];
