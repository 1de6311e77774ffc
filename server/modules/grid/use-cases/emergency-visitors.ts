import { sql } from 'kysely';
import type { Ctx } from '../../../kernel/context.ts';
import { approvedVolunteersUnder } from '../../volunteers/index.ts';
import { GRID_ROLES } from '../grid.constants.ts';
import { EmergencyErrors } from '../grid.emergency.errors.ts';
import { type Executor, read } from '../grid.db.ts';
import { allows } from '../grid.policy.ts';
import { type DeclarationRow, readableDeclaration } from './emergency-access.ts';

export interface VisitorOption {
  /** For a staff member: their account; for a volunteer: their person (the account is found when assigned). */
  accountId: string | null;
  personId: string | null;
  kind: 'staff' | 'volunteer';
  name: string;
  /** The role and place of a staff member's grant, or the volunteer's masked phone. */
  detail: string;
  hasAccount: boolean;
}

/**
 * Staff accounts who may screen within the place: a grant of an emergencyScreen role on the place, above it, or on a
 * place inside it (a building leader's building). Each with the grant's role and place.
 */
export async function screeningStaff(db: Executor, d: Pick<DeclarationRow, 'placePath'>) {
  return db
    .selectFrom('grants as g')
    .innerJoin('places as gp', 'gp.id', 'g.place_id')
    .innerJoin('accounts as a', 'a.id', 'g.account_id')
    .select(['a.id as accountId', 'a.display_name as name', 'g.role', 'gp.name as placeName', 'gp.path as placePath'])
    .where('g.role', 'in', [...GRID_ROLES.emergencyScreen])
    .where('a.disabled', '=', false)
    .where((eb) => eb.or([sql<boolean>`${d.placePath} like gp.path || '%'`, eb('gp.path', 'like', `${d.placePath}%`)]))
    .orderBy('a.display_name')
    .execute();
}

/** Approved volunteers registered under the place, each with their account if they have one. */
export async function placeVolunteers(db: Executor, d: Pick<DeclarationRow, 'streetId' | 'placePath'>) {
  const volunteers = await approvedVolunteersUnder(db, d.streetId, d.placePath);
  const accounts = volunteers.length
    ? await db.selectFrom('accounts').select(['id', 'person_id']).where('person_id', 'in', volunteers.map((v) => v.personId)).where('disabled', '=', false).execute()
    : [];
  const accountOf = new Map(accounts.map((a) => [a.person_id!, a.id]));
  return volunteers.map((v) => ({ ...v, accountId: accountOf.get(v.personId) ?? null }));
}

/** Whom a manager may assign buildings or duty to: staff who may screen within the place and the place's approved volunteers. */
export async function visitorOptions(ctx: Ctx, id: string): Promise<VisitorOption[]> {
  const db = read(ctx);
  const d = await readableDeclaration(db, ctx, id);
  if (!allows(ctx.actor, 'emergencyManage', d.placePath)) throw EmergencyErrors.EMERGENCY_NOT_FOUND();
  const [staff, volunteers] = await Promise.all([screeningStaff(db, d), placeVolunteers(db, d)]);
  const seen = new Set<string>();
  const out: VisitorOption[] = [];
  for (const s of staff) {
    if (seen.has(s.accountId)) continue;
    seen.add(s.accountId);
    out.push({ accountId: s.accountId, personId: null, kind: 'staff', name: s.name, detail: `${s.placeName}`, hasAccount: true });
  }
  for (const v of volunteers) out.push({ accountId: v.accountId, personId: v.personId, kind: 'volunteer', name: v.name, detail: v.phoneMasked, hasAccount: !!v.accountId });
  return out;
}
