import { sql } from 'kysely';
import { type Actor, type PlaceRow, ROLE_LABELS, type Role, STAFF_ROLES, findPlace, isSystem } from '../../../kernel/access/index.ts';
import { type Ctx, audit } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { containing } from '../../../kernel/db/like.ts';
import { newId } from '../../../kernel/ids.ts';
import { DECISIONS_ROLES } from '../decisions.constants.ts';
import { type Executor, read, write } from '../decisions.db.ts';
import { DecisionsErrors } from '../decisions.errors.ts';
import { allows } from '../decisions.policy.ts';
import type { DepartmentBody, DepartmentPatch } from '../elections.schemas.ts';
import { departmentsOf, reviewedDepartments } from './election-access.ts';

/** Property company staff never review candidates: the reviewers are the street's and the communities' own staff. */
const REVIEWER_ROLES = STAFF_ROLES.filter((r) => r !== 'property_manager' && r !== 'property_staff' && r !== 'platform_admin');

async function streetPlace(db: Executor, streetId: string): Promise<PlaceRow> {
  const place = await findPlace(db, streetId);
  if (!place) throw DecisionsErrors.PLACE_NOT_FOUND();
  if (place.kind !== 'street') throw DecisionsErrors.NOT_A_STREET();
  return place;
}

/** Reads anywhere in the street (a grant at, above or below it with a read role), or reviews for one of its departments. */
async function readsStreet(db: Executor, actor: Actor, street: PlaceRow): Promise<boolean> {
  if (isSystem(actor)) return true;
  const reads = actor.grants.some((g) => (DECISIONS_ROLES.read as readonly string[]).includes(g.role) && (g.placePath.startsWith(street.path) || street.path.startsWith(g.placePath)));
  return reads || (await reviewedDepartments(db, actor, street.id)).length > 0;
}

/** 联审部门: the street's departments that vet election candidates, with their reviewers. */
export async function listVettingDepartments(ctx: Ctx, streetId: string) {
  const db = read(ctx);
  const street = await streetPlace(db, streetId);
  if (!(await readsStreet(db, ctx.actor, street))) throw DecisionsErrors.PLACE_NOT_FOUND();
  const rows = await departmentsOf(db, street.id);
  const ids = [...new Set(rows.flatMap((r) => r.reviewer_account_ids))];
  const names = ids.length ? await db.selectFrom('accounts').select(['id', 'display_name']).where('id', 'in', ids).execute() : [];
  const nameOf = new Map(names.map((a) => [a.id, a.display_name]));
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind,
      position: r.position,
      active: r.active,
      reviewers: r.reviewer_account_ids.map((id) => ({ id, displayName: nameOf.get(id) ?? '' })),
      reviewerAccountIds: r.reviewer_account_ids,
      mine: r.reviewer_account_ids.includes(ctx.actor.accountId),
    })),
    can: { configure: allows(ctx.actor, 'configureVetting', street.path) },
  };
}

/** Reviewers must be staff accounts holding a grant inside the street (any role but the property company's). */
async function assertReviewers(db: Executor, street: PlaceRow, ids: readonly string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (!unique.length) return unique;
  const found = await db
    .selectFrom('grants as g')
    .innerJoin('places as p', 'p.id', 'g.place_id')
    .innerJoin('accounts as a', 'a.id', 'g.account_id')
    .select('g.account_id')
    .distinct()
    .where('g.account_id', 'in', unique)
    .where('g.role', 'in', REVIEWER_ROLES as never[])
    .where('a.disabled', '=', false)
    .where('p.path', 'like', `${street.path}%`)
    .execute();
  if (found.length !== unique.length) throw DecisionsErrors.REVIEWER_UNKNOWN();
  return unique;
}

async function streetToConfigure(db: Executor, actor: Actor, streetId: string): Promise<PlaceRow> {
  const street = await streetPlace(db, streetId);
  if (!(await readsStreet(db, actor, street))) throw DecisionsErrors.PLACE_NOT_FOUND();
  if (!allows(actor, 'configureVetting', street.path)) throw CommonErrors.FORBIDDEN();
  return street;
}

/** Adds a vetting department to the street (street officials). */
export async function createVettingDepartment(ctx: Ctx, input: DepartmentBody) {
  return write(ctx, async (tx) => {
    const street = await streetToConfigure(tx, ctx.actor, input.streetId);
    const reviewers = await assertReviewers(tx, street, input.reviewerAccountIds);
    const taken = await tx.selectFrom('dec_vetting_departments').select('id').where('street_id', '=', street.id).where('name', '=', input.name).executeTakeFirst();
    if (taken) throw DecisionsErrors.DEPARTMENT_NAME_TAKEN();
    const { last } = await tx
      .selectFrom('dec_vetting_departments')
      .select(sql<number>`coalesce(max(position), -1)`.as('last'))
      .where('street_id', '=', street.id)
      .executeTakeFirstOrThrow();
    const id = newId();
    const now = ctx.kernel.clock.now();
    await tx
      .insertInto('dec_vetting_departments')
      .values({ street_id: street.id, id, name: input.name, kind: input.kind, reviewer_account_ids: reviewers, position: Number(last) + 1, active: true, created_at: now, updated_at: now })
      .execute();
    await audit(tx, ctx, {
      action: 'decisions.vetting.department_added',
      placeId: street.id,
      subjectType: 'vetting_department',
      subjectId: id,
      after: { name: input.name, kind: input.kind, reviewers },
    });
    return { id };
  });
}

/**
 * Renames, reorders, (de)activates a department or changes its reviewers. A deactivated department is no longer
 * waited for; a candidate's status is derived again at its next verdict (its rejects stand, vetting.ts).
 */
export async function updateVettingDepartment(ctx: Ctx, departmentId: string, input: DepartmentPatch) {
  return write(ctx, async (tx) => {
    const before = await tx.selectFrom('dec_vetting_departments').selectAll().where('id', '=', departmentId).forUpdate().executeTakeFirst();
    if (!before) throw DecisionsErrors.DEPARTMENT_NOT_FOUND();
    const street = await streetToConfigure(tx, ctx.actor, before.street_id);
    const reviewers = input.reviewerAccountIds ? await assertReviewers(tx, street, input.reviewerAccountIds) : undefined;
    if (input.name && input.name !== before.name) {
      const taken = await tx.selectFrom('dec_vetting_departments').select('id').where('street_id', '=', street.id).where('name', '=', input.name).executeTakeFirst();
      if (taken) throw DecisionsErrors.DEPARTMENT_NAME_TAKEN();
    }
    const now = ctx.kernel.clock.now();
    const changes = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(reviewers !== undefined ? { reviewer_account_ids: reviewers } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
      ...(input.position !== undefined ? { position: input.position } : {}),
    };
    await tx.updateTable('dec_vetting_departments').set({ ...changes, updated_at: now }).where('street_id', '=', street.id).where('id', '=', departmentId).execute();
    await audit(tx, ctx, {
      action: 'decisions.vetting.department_changed',
      placeId: street.id,
      subjectType: 'vetting_department',
      subjectId: departmentId,
      before: { name: before.name, reviewers: before.reviewer_account_ids, active: before.active, position: before.position },
      after: changes,
    });
    return { id: departmentId };
  });
}

/** Who may be named a reviewer: staff accounts with a grant in the street (names and roles only). */
export async function reviewerCandidates(ctx: Ctx, streetId: string, q?: string) {
  const db = read(ctx);
  const street = await streetToConfigure(db, ctx.actor, streetId);
  const rows = await db
    .selectFrom('grants as g')
    .innerJoin('places as p', 'p.id', 'g.place_id')
    .innerJoin('accounts as a', 'a.id', 'g.account_id')
    .select(['a.id', 'a.display_name as displayName', 'g.role', 'p.name as placeName'])
    .where('g.role', 'in', REVIEWER_ROLES as never[])
    .where('a.disabled', '=', false)
    .where('p.path', 'like', `${street.path}%`)
    .$if(!!q, (qb) => qb.where((eb) => eb.or([eb('a.display_name', 'ilike', containing(q!)), eb('a.username', 'ilike', containing(q!))])))
    .orderBy('a.display_name')
    .orderBy('a.id')
    .limit(200)
    .execute();
  const locale = ctx.actor.locale === 'en' ? 'en' : 'zh-CN';
  return { items: rows.map((r) => ({ id: r.id, displayName: r.displayName, role: r.role, roleLabel: ROLE_LABELS[r.role as Role][locale], placeName: r.placeName })) };
}
