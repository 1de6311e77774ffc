import type { Ctx } from '../../../kernel/context.ts';
import { compoundsUnder, roomsOfActor } from '../../registry/index.ts';
import type { CreditGrade } from '../supervision.credit.constants.ts';
import { read } from '../supervision.db.ts';
import { companyCreditGrades } from './company-credit-grades.ts';

export interface MyCompanyCredit {
  compoundId: string;
  compoundName: string;
  companyName: string;
  grade: CreditGrade;
}

/**
 * The resident's home: for each compound they live in that a property company serves, the company's credit grade
 * now — only the grade, never the score or the records.
 */
export async function myCreditGrades(ctx: Ctx): Promise<MyCompanyCredit[]> {
  if (!ctx.actor.personId) return [];
  const db = read(ctx);
  const rooms = await roomsOfActor(db, ctx);
  const mine = [...new Map(rooms.map((r) => [r.compoundId, r])).values()];
  if (!mine.length) return [];
  const now = ctx.kernel.clock.now();
  const out: MyCompanyCredit[] = [];
  for (const streetId of new Set(mine.map((r) => r.streetId))) {
    const compounds = await compoundsUnder(db, streetId);
    const grades = new Map((await companyCreditGrades(db, { streetId, at: now })).map((g) => [g.companyId, g]));
    for (const r of mine.filter((x) => x.streetId === streetId)) {
      const c = compounds.find((x) => x.compoundId === r.compoundId);
      const g = c?.companyId ? grades.get(c.companyId) : undefined;
      if (g) out.push({ compoundId: r.compoundId, compoundName: r.compoundName, companyName: g.companyName, grade: g.grade });
    }
  }
  return out;
}
