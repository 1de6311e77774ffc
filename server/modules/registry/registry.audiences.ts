import { sql } from 'kysely';
import type { Audience } from '../../kernel/notify/notify.ts';

/**
 * Whom other modules can notify at a place through the registry (kernel/notify/): the accounts of the
 * people living there now — the same definition as a notice's reach (countResidentAccountsUnder) —
 * and of its owners. Queries, not lists: the notification service inserts from them in one statement.
 */
const livingUnder = (relations: readonly string[]): Audience['accounts'] => (_db, place) =>
  sql<{ account_id: string }>`select a.id as account_id
    from reg_households h
    join street_places room on room.street_id = h.street_id and room.id = h.room_id
    join accounts a on a.person_id = h.person_id and not a.disabled
    where h.street_id = ${place.streetId} and room.path like ${`${place.path}%`}
      and (h.end_date is null or h.end_date >= current_date) and h.relation = any(${relations}::text[])`;

export const REGISTRY_AUDIENCES: Audience[] = [
  { key: 'registry.residents', accounts: livingUnder(['owner', 'co_owner', 'tenant', 'family']) },
  { key: 'registry.owners', accounts: livingUnder(['owner', 'co_owner']) },
];
