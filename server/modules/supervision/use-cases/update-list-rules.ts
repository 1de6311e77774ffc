import { audit, type Ctx } from '../../../kernel/context.ts';
import { findPlace, isSystem } from '../../../kernel/access/index.ts';
import { SupervisionErrors } from '../supervision.errors.ts';
import { read, write } from '../supervision.db.ts';
import { gradeRank, type ListRules } from '../supervision.lists.constants.ts';
import { ListsErrors } from '../supervision.lists.errors.ts';
import { rulesOf } from '../supervision.lists.repository.ts';
import type { RulesBody } from '../supervision.lists.schemas.ts';
import { listStreetFor, readsStreet } from './list-access.ts';

/**
 * A street's list rules as the rules page shows them (the defaults, version 0, until first saved): readable by
 * whoever reads credit at or inside the street — a company reads the rules it is listed by.
 */
export async function getListRules(ctx: Ctx, streetId: string) {
  const street = await findPlace(read(ctx), streetId);
  if (!street || !readsStreet(ctx.actor, street.path)) throw SupervisionErrors.PLACE_NOT_FOUND();
  if (street.kind !== 'street') throw ListsErrors.NOT_A_STREET();
  const rules = await rulesOf(read(ctx), street.id);
  return { streetId: street.id, streetName: street.name, ...rules };
}

/** Whether the rules hold together: the red list strictly above the black list; each measure kind once. */
export function rulesValid(rules: ListRules): boolean {
  if (gradeRank(rules.redFrom) >= gradeRank(rules.blackFrom)) return false;
  const kinds = rules.measures.map((m) => m.kind);
  return kinds.length >= 1 && new Set(kinds).size === kinds.length;
}

/**
 * Sets a street's list rules (SUPERVISION_ROLES.creditManage): the grades of the red and black lists with their
 * clauses, the appeal window, and the catalogue of measures. Removing a kind from the catalogue means no new
 * measure of that kind (MEASURE_NOT_LISTED); those recorded keep the clause they cited.
 */
export async function updateListRules(ctx: Ctx, input: RulesBody) {
  const { streetId, ...rules } = input;
  if (!rulesValid(rules)) throw ListsErrors.RULES_INVALID();
  return write(ctx, async (tx) => {
    const street = await listStreetFor(ctx, tx, streetId, 'creditManage');
    const before = await rulesOf(tx, street.id);
    const version = before.version + 1;
    const row = {
      version,
      red_from: rules.redFrom,
      red_basis: rules.redBasis,
      black_from: rules.blackFrom,
      black_basis: rules.blackBasis,
      appeal_days: rules.appealDays,
      measures: JSON.stringify(rules.measures),
      updated_by: isSystem(ctx.actor) ? null : ctx.actor.accountId,
      updated_at: ctx.kernel.clock.now(),
    };
    await tx
      .insertInto('sup_list_rules')
      .values({ street_id: street.id, ...row })
      .onConflict((oc) => oc.column('street_id').doUpdateSet(row))
      .execute();
    const { version: _v, updatedAt: _u, ...was } = before;
    await audit(tx, ctx, {
      action: 'supervision.lists.rules_updated',
      placeId: street.id,
      subjectType: 'sup_list_rules',
      subjectId: street.id,
      before: was,
      after: rules,
      detail: { version },
    });
    return { streetId: street.id, streetName: street.name, ...rules, version, updatedAt: row.updated_at };
  });
}
