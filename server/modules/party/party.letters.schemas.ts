import { z } from 'zod';
import { PageQuery } from '../../kernel/pagination.ts';
import { LETTER_KINDS, LETTER_STATUSES } from './party.constants.ts';
import { FACTS_MAX, SUBJECT_MAX } from './party.letters.constants.ts';
import { LettersSort } from './use-cases/letters-list.ts';

const Id = z.uuid();
const Year = z.coerce.number().int().min(2000).max(2100);

export const LetterParams = z.object({ id: Id });

export const AnnualLetterBody = z.object({ communityId: Id, organisationId: Id, year: z.number().int().min(2000).max(2100) }).strict();
export type AnnualLetterBody = z.infer<typeof AnnualLetterBody>;

export const AdmonitionBody = z
  .object({
    communityId: Id,
    organisationId: Id,
    memberId: Id,
    subject: z.string().trim().min(1).max(SUBJECT_MAX),
    /** The facts: which compound's lawful management the member obstructed, how, on which dates. */
    facts: z.string().trim().min(1).max(FACTS_MAX),
  })
  .strict();
export type AdmonitionBody = z.infer<typeof AdmonitionBody>;

export const LettersQuery = PageQuery.extend({
  q: z.string().trim().min(1).max(50).optional(),
  kind: z.enum(LETTER_KINDS).optional(),
  status: z.enum(LETTER_STATUSES).optional(),
  year: Year.optional(),
  organisationId: Id.optional(),
  communityId: Id.optional(),
  ...LettersSort.query,
});
export type LettersQuery = z.infer<typeof LettersQuery>;

export const MembersQuery = z.object({ organisationId: Id });
