import type { Executor as AnyExecutor } from '../../../kernel/db/index.ts';
import { read } from '../registry.db.ts';
import type { OrganisationKind, PartyLevel } from '../registry.tables.ts';

/** A position held on a day, as another module reads it. */
export interface CurrentPosition {
  personId: string;
  personName: string;
  organisationId: string;
  organisationName: string;
  organisationKind: OrganisationKind;
  partyLevel: PartyLevel | null;
  title: string;
}

/**
 * For the party module: the positions whose term covers `day` (China date) in a street, held by one person or in the
 * given organisations — a workplace liaison's organisation, the party-building instructors (党建指导员) assigned to
 * property companies, the party members among committees. No access check: the calling use case decides.
 */
export async function currentPositions(
  caller: AnyExecutor,
  where: { streetId: string; day: string; personId?: string; organisationIds?: readonly string[]; organisationKinds?: readonly OrganisationKind[] },
): Promise<CurrentPosition[]> {
  const db = read(caller);
  if (where.organisationIds && where.organisationIds.length === 0) return [];
  if (where.organisationKinds && where.organisationKinds.length === 0) return [];
  return db
    .selectFrom('reg_positions as x')
    .innerJoin('reg_organisations as o', (j) => j.onRef('o.street_id', '=', 'x.street_id').onRef('o.id', '=', 'x.organisation_id'))
    .innerJoin('reg_persons as p', (j) => j.onRef('p.street_id', '=', 'x.street_id').onRef('p.id', '=', 'x.person_id'))
    .select([
      'x.person_id as personId',
      'p.name as personName',
      'x.organisation_id as organisationId',
      'o.name as organisationName',
      'o.kind as organisationKind',
      'o.party_level as partyLevel',
      'x.title',
    ])
    .where('x.street_id', '=', where.streetId)
    .where((eb) => eb.or([eb('x.term_start', 'is', null), eb('x.term_start', '<=', where.day)]))
    .where((eb) => eb.or([eb('x.term_end', 'is', null), eb('x.term_end', '>=', where.day)]))
    .$if(!!where.personId, (q) => q.where('x.person_id', '=', where.personId!))
    .$if(!!where.organisationIds, (q) => q.where('x.organisation_id', 'in', [...where.organisationIds!]))
    .$if(!!where.organisationKinds, (q) => q.where('o.kind', 'in', [...where.organisationKinds!]))
    .orderBy('o.name')
    .orderBy('x.title')
    .orderBy('p.name')
    .execute();
}
