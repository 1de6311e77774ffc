import { isSystem } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { type Executor, read, write } from '../supervision.db.ts';
import { isBlack, isRed, type ListGrade, type ListKind, type ListRules } from '../supervision.lists.constants.ts';
import { ListsErrors } from '../supervision.lists.errors.ts';
import { rulesOf } from '../supervision.lists.repository.ts';
import type { PublishBody } from '../supervision.lists.schemas.ts';
import { quarter } from './assessment-period.ts';
import { companyCreditGrades } from './company-credit-grades.ts';
import { listStreetFor } from './list-access.ts';

const DAY_MS = 86_400_000;
const CHINA_MS = 8 * 3_600_000;

/**
 * The last instant to appeal: the end (23:59:59.999, China time) of the calendar day `days` days after the
 * publication's day. Published on 2026-10-05 with 10 days: appeals until 2026-10-15 23:59:59.999 +08:00.
 */
export function appealUntil(publishedAt: Date, days: number): Date {
  const chinaMidnight = Math.floor((publishedAt.getTime() + CHINA_MS) / DAY_MS) * DAY_MS - CHINA_MS;
  return new Date(chinaMidnight + (days + 1) * DAY_MS - 1);
}

/**
 * The instant a quarter's list is graded at: its last instant once it is over, else now (a list published while
 * its quarter runs shows the grades as they stand when published — the page says "as of"). Not before it starts.
 */
export function gradedAt(period: string, now: Date): { asOf: Date; current: boolean } {
  const p = quarter(period);
  if (now < p.start) throw ListsErrors.PERIOD_NOT_STARTED();
  return now < p.end ? { asOf: now, current: true } : { asOf: new Date(p.end.getTime() - 1), current: false };
}

export interface ListLine {
  companyId: string;
  companyName: string;
  grade: ListGrade;
  scoreCenti: number;
  list: ListKind | null;
  basis: string | null;
}

/** Each company's grade sorted onto the red list, the black list or neither by the rules, with the clause that put it there. */
export async function gradeLines(db: Executor, streetId: string, asOf: Date, rules: ListRules): Promise<ListLine[]> {
  const grades = await companyCreditGrades(db, { streetId, at: asOf });
  return grades
    .map((g) => {
      const list: ListKind | null = isRed(g.grade, rules) ? 'red' : isBlack(g.grade, rules) ? 'black' : null;
      return {
        companyId: g.companyId,
        companyName: g.companyName,
        grade: g.grade,
        scoreCenti: g.scoreCenti,
        list,
        basis: list === 'red' ? rules.redBasis : list === 'black' ? rules.blackBasis : null,
      };
    })
    .sort((a, b) => b.scoreCenti - a.scoreCenti || a.companyName.localeCompare(b.companyName, 'zh-CN'));
}

/** What publishing would list now (the confirmation before publishing), or the publication already made. */
export async function previewList(ctx: Ctx, input: PublishBody) {
  const db = read(ctx);
  const street = await listStreetFor(ctx, db, input.streetId, 'creditManage');
  const published = await db.selectFrom('sup_list_publications').select(['id', 'published_at']).where('street_id', '=', street.id).where('period', '=', input.period).executeTakeFirst();
  const { asOf, current } = gradedAt(input.period, ctx.kernel.clock.now());
  const rules = await rulesOf(db, street.id);
  const lines = await gradeLines(db, street.id, asOf, rules);
  return {
    streetId: street.id,
    streetName: street.name,
    period: input.period,
    asOf,
    current,
    publishedId: published?.id ?? null,
    rules,
    appealUntil: appealUntil(ctx.kernel.clock.now(), rules.appealDays),
    lines,
  };
}

/**
 * Publishes a street's red and black list for a quarter (SUPERVISION_ROLES.creditManage), once: every company's
 * credit grade as of the quarter's end (or now, while it runs) from the credit part; red entries and black entries
 * by the street's rules, each with its clause; black entries get their appeal window. A second publication of the
 * same street and quarter is refused (ALREADY_PUBLISHED): a black entry opens an appeal and measures, so the list
 * is never withdrawn and replaced — a wrong entry is corrected by its appeal.
 */
export async function publishList(ctx: Ctx, input: PublishBody) {
  const now = ctx.kernel.clock.now();
  const { asOf, current } = gradedAt(input.period, now);
  return write(ctx, async (tx) => {
    const street = await listStreetFor(ctx, tx, input.streetId, 'creditManage');
    const rules = await rulesOf(tx, street.id);
    const id = newId();
    const inserted = await tx
      .insertInto('sup_list_publications')
      .values({
        street_id: street.id,
        id,
        period: input.period,
        as_of: asOf,
        rules: JSON.stringify({ redFrom: rules.redFrom, redBasis: rules.redBasis, blackFrom: rules.blackFrom, blackBasis: rules.blackBasis, appealDays: rules.appealDays, measures: rules.measures }),
        rules_version: rules.version,
        published_at: now,
        published_by: isSystem(ctx.actor) ? null : ctx.actor.accountId,
        published_by_name: ctx.actor.name,
      })
      .onConflict((oc) => oc.columns(['street_id', 'period']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) throw ListsErrors.ALREADY_PUBLISHED();
    const lines = (await gradeLines(tx, street.id, asOf, rules)).filter((l) => l.list);
    const until = appealUntil(now, rules.appealDays);
    if (lines.length) {
      await tx
        .insertInto('sup_list_entries')
        .values(
          lines.map((l) => ({
            street_id: street.id,
            id: newId(),
            publication_id: id,
            company_id: l.companyId,
            company_name: l.companyName,
            list: l.list!,
            grade: l.grade,
            score_centi: l.scoreCenti,
            basis: l.basis!,
            appeal_until: l.list === 'black' ? until : null,
            removed_at: null,
          })),
        )
        .execute();
    }
    const red = lines.filter((l) => l.list === 'red');
    const black = lines.filter((l) => l.list === 'black');
    await audit(tx, ctx, {
      action: 'supervision.lists.published',
      placeId: street.id,
      subjectType: 'sup_list_publication',
      subjectId: id,
      after: { red: red.map((l) => `${l.companyName} ${l.grade}`), black: black.map((l) => `${l.companyName} ${l.grade}`) },
      detail: { period: input.period, asOf: asOf.toISOString(), current, rulesVersion: rules.version, appealUntil: until.toISOString() },
    });
    return { id, streetId: street.id, period: input.period, asOf, current, red: red.length, black: black.length, appealUntil: until };
  });
}
