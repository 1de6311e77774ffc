import { sql } from 'kysely';
import type { Ctx } from '../../../kernel/context.ts';
import { containing } from '../../../kernel/db/like.ts';
import { type Page, offsetOf, paginate } from '../../../kernel/pagination.ts';
import { maskName } from '../../../kernel/pii/pii.ts';
import { read } from '../volunteers.db.ts';
import type { CatalogueQuery } from '../volunteers.lending.schemas.ts';
import type { LoanStatus } from '../volunteers.tables.ts';
import { photoIdsOf } from './photos.ts';
import { type ResidentCompound, compoundsOfResident } from './resident-compounds.ts';
import { VolunteersErrors } from '../volunteers.errors.ts';

export interface CatalogueItem {
  id: string;
  kind: 'tool' | 'book';
  title: string;
  author: string | null;
  body: string;
  loanDays: number;
  ownerName: string;
  mine: boolean;
  available: boolean;
  /** While lent: the day it is due back. */
  dueOn: string | null;
  /** My open request or loan of it, if any. */
  myLoan: { id: string; status: LoanStatus } | null;
  photoIds: string[];
  createdAt: Date;
}

export interface Catalogue extends Page<CatalogueItem> {
  compounds: Pick<ResidentCompound, 'compoundId' | 'compoundName'>[];
  compoundId: string | null;
}

/**
 * The tools and books of a compound I live in (the first, unless I name one): not hidden by a moderator, not withdrawn;
 * searched by title or author, filtered by kind and availability, newest first. Owners' names masked (张*) but mine.
 */
export async function lendingCatalogue(ctx: Ctx, q: CatalogueQuery): Promise<Catalogue> {
  const db = read(ctx);
  const compounds = await compoundsOfResident(db, ctx);
  const list = compounds.map((c) => ({ compoundId: c.compoundId, compoundName: c.compoundName }));
  if (compounds.length === 0) return { compounds: [], compoundId: null, items: [], total: 0, page: q.page, pageSize: q.pageSize };
  const compound = q.compoundId ? compounds.find((c) => c.compoundId === q.compoundId) : compounds[0];
  if (!compound) throw VolunteersErrors.NOT_A_RESIDENT();
  const me = ctx.actor.personId!;
  const base = () =>
    db
      .selectFrom('vol_listings as l')
      .where('l.street_id', '=', compound.streetId)
      .where('l.place_id', '=', compound.compoundId)
      .where('l.kind', 'in', q.kind ? [q.kind] : ['tool', 'book'])
      .where('l.hidden_at', 'is', null)
      .where('l.status', 'in', q.availability === 'available' ? ['open'] : q.availability === 'lent' ? ['lent'] : ['open', 'lent'])
      .$if(!!q.q, (s) => {
        const like = containing(q.q!);
        return s.where((eb) => eb.or([eb('l.title', 'ilike', like), eb('l.author', 'ilike', like)]));
      });
  const items = base()
    .select([
      'l.id',
      'l.kind',
      'l.title',
      'l.author',
      'l.body',
      'l.loan_days as loanDays',
      'l.owner_name as ownerName',
      'l.owner_person_id as ownerPersonId',
      'l.status',
      'l.created_at as createdAt',
      sql<string | null>`(select n.due_on::text from vol_loans n where n.street_id = l.street_id and n.listing_id = l.id and n.status = 'lent' limit 1)`.as('dueOn'),
      sql<string | null>`(select n.id::text from vol_loans n where n.street_id = l.street_id and n.listing_id = l.id and n.borrower_person_id = ${me} and n.status in ('requested', 'lent') limit 1)`.as('myLoanId'),
      sql<LoanStatus | null>`(select n.status from vol_loans n where n.street_id = l.street_id and n.listing_id = l.id and n.borrower_person_id = ${me} and n.status in ('requested', 'lent') limit 1)`.as('myLoanStatus'),
    ])
    .orderBy('l.created_at', 'desc')
    .orderBy('l.id', 'desc')
    .limit(q.pageSize)
    .offset(offsetOf(q))
    .execute();
  const count = base()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const page = await paginate(q, items, count);
  const photos = await photoIdsOf(db, compound.streetId, 'listing', page.items.map((r) => r.id));
  return {
    ...page,
    compounds: list,
    compoundId: compound.compoundId,
    items: page.items.map((r) => ({
      id: r.id,
      kind: r.kind as 'tool' | 'book',
      title: r.title,
      author: r.author,
      body: r.body,
      loanDays: r.loanDays ?? 14,
      ownerName: r.ownerPersonId === me ? r.ownerName : maskName(r.ownerName),
      mine: r.ownerPersonId === me,
      available: r.status === 'open',
      dueOn: r.dueOn,
      myLoan: r.myLoanId ? { id: r.myLoanId, status: r.myLoanStatus! } : null,
      photoIds: photos.get(r.id) ?? [],
      createdAt: r.createdAt,
    })),
  };
}
