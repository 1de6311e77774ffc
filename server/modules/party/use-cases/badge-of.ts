import type { Executor as AnyExecutor } from '../../../kernel/db/index.ts';
import { read } from '../party.db.ts';

/**
 * For other modules (the opinions module's authors): of these registry persons, those who are active party members
 * and chose to show it (亮明党员身份). No access check: the badge is public by the member's own choice.
 */
export async function partyBadges(caller: AnyExecutor, personIds: readonly (string | null | undefined)[]): Promise<Set<string>> {
  const ids = [...new Set(personIds.filter((p): p is string => !!p))];
  if (ids.length === 0) return new Set();
  const rows = await read(caller).selectFrom('pty_members').select('person_id').where('person_id', 'in', ids).where('status', '=', 'active').where('badge_public', '=', true).execute();
  return new Set(rows.map((r) => r.person_id));
}
