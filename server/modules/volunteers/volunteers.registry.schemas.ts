import { z } from 'zod';
import { PageQuery, sortable } from '../../kernel/pagination.ts';
import { NAME_MAX, NOTE_MAX, SKILLS, VOLUNTEER_STATUSES } from './volunteers.constants.ts';
import { AVAILABILITY_MAX, REDEMPTION_STATUSES, REJECT_REASON_MAX, SKILL_OTHER_MAX } from './volunteers.registry.constants.ts';

const Id = z.uuid();

/** A resident's registration: the compound they live in, skills (the list's and free text), availability, consent. */
export const RegisterBody = z
  .object({
    compoundId: Id,
    skills: z.array(z.enum(SKILLS)).max(SKILLS.length).default([]),
    otherSkill: z.string().trim().max(SKILL_OTHER_MAX).optional(),
    availability: z.string().trim().max(AVAILABILITY_MAX).default(''),
    consent: z.literal(true, { message: 'consent' }),
  })
  .strict();
export type RegisterBody = z.infer<typeof RegisterBody>;

/** The review list sorts by registration time, name, status or place. */
export const VolunteersSort = sortable({ createdAt: 'v.created_at', name: 'v.person_name', status: 'v.status', place: 'p.path' }, { sort: 'createdAt', order: 'desc' }, 'v.id');
export const VolunteersQuery = PageQuery.extend({
  placeId: Id.optional(),
  status: z.enum(VOLUNTEER_STATUSES).optional(),
  skill: z.string().trim().min(1).max(SKILL_OTHER_MAX).optional(),
  q: z.string().trim().min(1).max(50).optional(),
  ...VolunteersSort.query,
});
export type VolunteersQuery = z.infer<typeof VolunteersQuery>;

export const ReasonBody = z.object({ reason: z.string().trim().min(1).max(REJECT_REASON_MAX) }).strict();
export const ShareQuery = z.object({ placeId: Id.optional() });

export const TeamsSort = sortable({ name: 'tm.name', createdAt: 'tm.created_at', place: 'p.path' }, { sort: 'createdAt', order: 'desc' }, 'tm.id');
export const TeamsQuery = PageQuery.extend({ placeId: Id.optional(), q: z.string().trim().min(1).max(50).optional(), ...TeamsSort.query });
export type TeamsQuery = z.infer<typeof TeamsQuery>;
export const TeamBody = z
  .object({
    placeId: Id,
    name: z.string().trim().min(1).max(NAME_MAX),
    leaderVolunteerId: Id.nullable().default(null),
    description: z.string().trim().max(NOTE_MAX).default(''),
  })
  .strict();
export type TeamBody = z.infer<typeof TeamBody>;
export const TeamUpdateBody = TeamBody.omit({ placeId: true });
export type TeamUpdateBody = z.infer<typeof TeamUpdateBody>;
export const MemberBody = z.object({ volunteerId: Id }).strict();
export const MemberParams = z.object({ id: Id, volunteerId: Id });
export const CandidatesQuery = z.object({ q: z.string().trim().min(1).max(50).optional() });

export const RewardsSort = sortable({ name: 'r.name', points: 'r.points', stock: 'r.stock', createdAt: 'r.created_at' }, { sort: 'createdAt', order: 'desc' }, 'r.id');
export const RewardsQuery = PageQuery.extend({
  placeId: Id.optional(),
  active: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  q: z.string().trim().min(1).max(50).optional(),
  ...RewardsSort.query,
});
export type RewardsQuery = z.infer<typeof RewardsQuery>;
export const RewardBody = z
  .object({
    placeId: Id,
    name: z.string().trim().min(1).max(NAME_MAX),
    description: z.string().trim().max(NOTE_MAX).default(''),
    points: z.number().int().min(1).max(100_000),
    stock: z.number().int().min(0).max(100_000),
    active: z.boolean().default(true),
  })
  .strict();
export type RewardBody = z.infer<typeof RewardBody>;
export const RewardUpdateBody = RewardBody.omit({ placeId: true });
export type RewardUpdateBody = z.infer<typeof RewardUpdateBody>;

export const RedemptionsSort = sortable({ createdAt: 'd.created_at', name: 'd.person_name', reward: 'd.reward_name', points: 'd.points' }, { sort: 'createdAt', order: 'desc' }, 'd.id');
export const RedemptionsQuery = PageQuery.extend({
  placeId: Id.optional(),
  status: z.enum(REDEMPTION_STATUSES).optional(),
  q: z.string().trim().min(1).max(50).optional(),
  ...RedemptionsSort.query,
});
export type RedemptionsQuery = z.infer<typeof RedemptionsQuery>;

export const LedgerQuery = PageQuery;
