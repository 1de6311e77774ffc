import type { SqlBool, Expression } from 'kysely';
import { sql } from 'kysely';
import { type Actor, can, definePolicy } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { SUPERVISION_ROLES } from '../supervision.constants.ts';
import type { Executor } from '../supervision.db.ts';
import { allows, placeFilter } from '../supervision.policy.ts';
import { SheetErrors } from '../supervision.sheets.errors.ts';
import { type InspectionRow, findInspection } from '../supervision.sheets.repository.ts';

/**
 * Drafts are the inspectors' working papers: read by those who inspect at the compound and the platform's admin. The
 * company inspected (and anyone else holding only `inspectionsRead`) sees an inspection once it is submitted.
 */
const DraftPolicy = definePolicy({ draftsRead: ['platform_admin', ...SUPERVISION_ROLES.inspect] });

export function seesInspection(actor: Actor, row: { status: string; compoundPath: string }): boolean {
  if (!allows(actor, 'inspectionsRead', row.compoundPath)) return false;
  return row.status === 'submitted' || DraftPolicy.allows(actor, 'draftsRead', row.compoundPath);
}

/** The row filter of the same rule, over a query with the inspection `i` and its compound's path. */
export function inspectionsFilter(actor: Actor, pathRef: string): Expression<SqlBool> {
  return sql<SqlBool>`(${placeFilter(actor, 'inspectionsRead', 'i.place_id', pathRef)} and (i.status = 'submitted' or ${DraftPolicy.placeFilter(actor, 'draftsRead', 'i.place_id', pathRef)}))`;
}

/** An inspection the actor may see, else 404. */
export async function visibleInspection(db: Executor, ctx: Ctx, id: string): Promise<InspectionRow> {
  const row = await findInspection(db, id);
  if (!row || !seesInspection(ctx.actor, row)) throw SheetErrors.INSPECTION_NOT_FOUND();
  return row;
}

/**
 * An inspection the actor may work on: visible (else 404), theirs to inspect at the compound (else 403), still a
 * draft (else 409 — a submitted inspection never changes). Everyone who inspects at the compound may fill in a draft:
 * an inspection is often made by a team walking the compound together.
 */
export async function workableInspection(db: Executor, ctx: Ctx, id: string): Promise<InspectionRow> {
  const row = await visibleInspection(db, ctx, id);
  if (!allows(ctx.actor, 'inspect', row.compoundPath)) throw CommonErrors.FORBIDDEN();
  if (row.status !== 'draft') throw SheetErrors.INSPECTION_SUBMITTED();
  return row;
}

export const mayInspect = (actor: Actor, path: string) => can(actor, SUPERVISION_ROLES.inspect, path);
