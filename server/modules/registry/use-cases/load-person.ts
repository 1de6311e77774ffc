import type { Ctx } from '../../../kernel/context.ts';
import type { Executor } from '../registry.db.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { RegistryErrors } from '../registry.errors.ts';
import { allows, personFilter, type RegistryPermission } from '../registry.policy.ts';
import { findPerson, type PersonRow } from '../registry.repository.ts';

/**
 * Loads a person the actor may see (404 otherwise). For a write permission, the actor must also
 * hold it over the person's registering place or one of their rooms (403 otherwise).
 */
export async function loadPersonFor(db: Executor, ctx: Ctx, id: string, permission?: RegistryPermission): Promise<PersonRow> {
  const visible = await db
    .selectFrom('reg_persons')
    .select('id')
    .where('id', '=', id)
    .where(personFilter(ctx.actor, 'reg_persons.id', 'reg_persons.place_id'))
    .executeTakeFirst();
  if (!visible) throw RegistryErrors.PERSON_NOT_FOUND();
  const person = (await findPerson(db, id))!;
  if (permission) {
    const paths = await db
      .selectFrom('places')
      .select('path')
      .where((eb) =>
        eb.or([
          eb('id', '=', person.place_id),
          eb('id', 'in', eb.selectFrom('reg_households').select('room_id').where('person_id', '=', id)),
        ]),
      )
      .execute();
    if (!paths.some((p) => allows(ctx.actor, permission, p.path))) throw CommonErrors.FORBIDDEN();
  }
  return person;
}
