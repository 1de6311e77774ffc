import { sql } from 'kysely';
import { findPlace, streetOf } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { maskPhone } from '../../../kernel/pii/pii.ts';
import { organisationsOfKind } from '../../registry/index.ts';
import { write } from '../grid.db.ts';
import { GridErrors } from '../grid.errors.ts';
import { EventsErrors } from '../grid.events.errors.ts';
import type { LiaisonBody } from '../grid.events.schemas.ts';
import { authorize } from '../grid.policy.ts';

/**
 * 设置联络员: a department (a registry organisation of kind 'department' in the compound's street) names its liaison
 * for a compound and a line — an account holding a department_reviewer grant over the compound. liaisonsManage over
 * the compound (street officials; department reviewers). One serving liaison per compound and line
 * (LIAISON_SERVING: end the one serving first). Only the phone's masked form is kept.
 */
export async function addLiaison(ctx: Ctx, body: LiaisonBody): Promise<{ id: string }> {
  return write(ctx, async (tx) => {
    const compound = await findPlace(tx, body.compoundId);
    if (!compound || !compound.street_id || compound.kind !== 'compound') throw GridErrors.PLACE_NOT_FOUND();
    authorize(ctx.actor, 'liaisonsManage', compound.path);
    const streetId = streetOf(compound);
    const [department] = await organisationsOfKind(tx, 'department', { ids: [body.departmentId] });
    if (!department || department.streetId !== streetId) throw EventsErrors.NOT_A_DEPARTMENT();
    const reviewer = await tx
      .selectFrom('grants as g')
      .innerJoin('places as gp', 'gp.id', 'g.place_id')
      .innerJoin('accounts as a', 'a.id', 'g.account_id')
      .select('g.id')
      .where('g.account_id', '=', body.accountId)
      .where('g.role', '=', 'department_reviewer')
      .where('a.disabled', '=', false)
      .where(sql<boolean>`starts_with(${compound.path}, gp.path)`)
      .executeTakeFirst();
    if (!reviewer) throw EventsErrors.NOT_A_REVIEWER();
    const serving = await tx
      .selectFrom('grid_liaisons')
      .select('id')
      .where('street_id', '=', streetId)
      .where('compound_id', '=', compound.id)
      .where('line', '=', body.line)
      .where('until_on', 'is', null)
      .executeTakeFirst();
    if (serving) throw EventsErrors.LIAISON_SERVING();
    const id = newId();
    await tx
      .insertInto('grid_liaisons')
      .values({
        street_id: streetId,
        id,
        department_id: department.id,
        department_name: department.name,
        line: body.line,
        compound_id: compound.id,
        account_id: body.accountId,
        name: body.name,
        phone_masked: body.phone ? maskPhone(body.phone) : '',
        from_on: body.fromOn,
        until_on: null,
        created_by: ctx.actor.accountId,
        created_at: ctx.kernel.clock.now(),
        ended_by: null,
      })
      .execute();
    await audit(tx, ctx, { action: 'grid.events.liaison_added', placeId: compound.id, subjectType: 'grid_liaison', subjectId: id, detail: { line: body.line, department: department.name, name: body.name, fromOn: body.fromOn } });
    return { id };
  });
}
