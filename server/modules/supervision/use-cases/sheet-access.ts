import { type SqlBool, type Expression, sql } from 'kysely';
import { type Actor, scopePrefixes } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { SUPERVISION_ROLES } from '../supervision.constants.ts';
import type { Executor } from '../supervision.db.ts';
import { allows } from '../supervision.policy.ts';
import { SheetErrors } from '../supervision.sheets.errors.ts';
import { type SheetRow, findSheet } from '../supervision.sheets.repository.ts';

/**
 * A street's sheets are read by those it measures or who measure with it: a `sheetsRead` grant at the street, above it
 * (a district) or below it (a community, a compound's company). The prefixes are the actor's grants of those roles.
 */
export function readsSheetsOf(actor: Actor, streetPath: string): boolean {
  const prefixes = scopePrefixes(actor, SUPERVISION_ROLES.sheetsRead);
  return prefixes === null || prefixes.some((p) => p.startsWith(streetPath) || streetPath.startsWith(p));
}

/** The same as a row filter on a street's path: a grant at, above or below it. */
export function sheetsReadFilter(actor: Actor, streetPathRef: string): Expression<SqlBool> {
  const prefixes = scopePrefixes(actor, SUPERVISION_ROLES.sheetsRead);
  if (prefixes === null) return sql<SqlBool>`true`;
  if (prefixes.length === 0) return sql<SqlBool>`false`;
  const terms = prefixes.map((p) => sql<SqlBool>`(${sql.ref(streetPathRef)} like ${`${p}%`} or ${p} like ${sql.ref(streetPathRef)} || '%')`);
  return sql<SqlBool>`(${sql.join(terms, sql` or `)})`;
}

/** A sheet the actor may read, else 404 (ids cannot be probed). */
export async function readableSheet(db: Executor, ctx: Ctx, id: string): Promise<SheetRow> {
  const sheet = await findSheet(db, id);
  if (!sheet || !readsSheetsOf(ctx.actor, sheet.streetPath)) throw SheetErrors.SHEET_NOT_FOUND();
  return sheet;
}

/** A sheet the actor may change: readable (else 404), theirs to manage (else 403), still a draft (else 409). */
export async function editableSheet(db: Executor, ctx: Ctx, id: string): Promise<SheetRow> {
  const sheet = await readableSheet(db, ctx, id);
  if (!allows(ctx.actor, 'sheetsManage', sheet.streetPath)) throw CommonErrors.FORBIDDEN();
  if (sheet.status !== 'draft' || sheet.frozen_at) throw SheetErrors.SHEET_FROZEN();
  return sheet;
}
