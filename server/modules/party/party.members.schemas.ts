import { z } from 'zod';
import { PageQuery } from '../../kernel/pagination.ts';
import { MEMBERSHIPS, NOTE_MAX } from './party.constants.ts';
import { MembersSort } from './use-cases/members-list.ts';

const Id = z.uuid();
const Day = z.iso.date();

export const MembersQuery = PageQuery.extend({
  placeId: Id.optional(),
  q: z.string().trim().min(1).max(50).optional(),
  membership: z.enum(MEMBERSHIPS).optional(),
  branchId: Id.optional(),
  workplaceOrgId: Id.optional(),
  status: z.enum(['active', 'left']).optional(),
  ...MembersSort.query,
});
export type MembersQuery = z.infer<typeof MembersQuery>;

export const MemberBody = z
  .object({
    personId: Id,
    membership: z.enum(MEMBERSHIPS),
    branchId: Id.nullish(),
    workplaceOrgId: Id.nullish(),
    joinedOn: Day,
    note: z.string().trim().max(NOTE_MAX).default(''),
  })
  .strict();
export type MemberBody = z.infer<typeof MemberBody>;

export const MemberPatch = z
  .object({
    membership: z.enum(MEMBERSHIPS).optional(),
    branchId: Id.nullish(),
    workplaceOrgId: Id.nullish(),
    joinedOn: Day.optional(),
    note: z.string().trim().max(NOTE_MAX).optional(),
  })
  .strict();
export type MemberPatch = z.infer<typeof MemberPatch>;

export const EndBody = z.object({ leftOn: Day.optional(), note: z.string().trim().max(NOTE_MAX).optional() }).strict();
export type EndBody = z.infer<typeof EndBody>;

export const MemberParams = z.object({ id: Id });
/** Without a street: the first street the actor's grants reach. */
export const StreetQuery = z.object({ streetId: Id.optional() });
export const PersonsQuery = z.object({ streetId: Id.optional(), q: z.string().trim().min(1).max(50) });
export const BadgeBody = z.object({ public: z.boolean() }).strict();
export const BranchParams = z.object({ branchId: Id });
export const HostBody = z.object({ hostOrgId: Id.nullable() }).strict();
export const CoverageQuery = z.object({ placeId: Id.optional() });
