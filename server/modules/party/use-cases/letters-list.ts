import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { chinaDay } from '../../../kernel/clock.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { nullsLast, type Page, offsetOf, paginate, sortable } from '../../../kernel/pagination.ts';
import { type Executor, read } from '../party.db.ts';
import { LETTER_KIND_ZH, LETTER_STATUS_ZH } from '../party.letters.constants.ts';
import type { LettersQuery } from '../party.letters.schemas.ts';
import { letterScope, letterScopeFilter, readsAnyLetters } from './letters-access.ts';
import { containing } from '../../../kernel/db/like.ts';

/** Letters sort by when they were made (newest first by default), sent, year, organisation or status. */
export const LettersSort = sortable(
  { createdAt: 'l.created_at', sentAt: nullsLast('l.sent_at'), year: nullsLast('l.year'), organisation: 'l.organisation_name', status: 'l.status', kind: 'l.kind' },
  { sort: 'createdAt', order: 'desc' },
  'l.id',
);

/** A 函告 whose approval was turned down reads as rejected (the kernel's approvals decide; the letter follows). */
export const effectiveStatus = sql<'draft' | 'pending_approval' | 'sent' | 'rejected'>`case when l.status = 'pending_approval' and a.status = 'rejected' then 'rejected' else l.status end`;

export interface LetterRow {
  id: string;
  kind: 'annual' | 'admonition';
  communityId: string;
  communityName: string;
  organisationId: string;
  organisationName: string;
  year: number | null;
  memberName: string | null;
  subject: string;
  status: 'draft' | 'pending_approval' | 'sent' | 'rejected';
  createdAt: Date;
  sentAt: Date | null;
}

function filtered(db: Executor, scope: Awaited<ReturnType<typeof letterScope>>, q: LettersQuery) {
  return db
    .selectFrom('pty_letters as l')
    .innerJoin('street_places as c', (j) => j.onRef('c.street_id', '=', 'l.street_id').onRef('c.id', '=', 'l.community_id'))
    .leftJoin('approvals as a', (j) => j.onRef('a.street_id', '=', 'l.street_id').onRef('a.id', '=', 'l.approval_id'))
    .leftJoin('pty_members as m', (j) => j.onRef('m.street_id', '=', 'l.street_id').onRef('m.id', '=', 'l.member_id'))
    .select([
      'l.id',
      'l.kind',
      'l.community_id as communityId',
      'c.name as communityName',
      'l.organisation_id as organisationId',
      'l.organisation_name as organisationName',
      'l.year',
      'm.person_name as memberName',
      'l.subject',
      effectiveStatus.as('status'),
      'l.created_at as createdAt',
      'l.sent_at as sentAt',
    ])
    .where(letterScopeFilter(scope))
    .$if(!!q.kind, (x) => x.where('l.kind', '=', q.kind!))
    .$if(!!q.status, (x) => x.where(effectiveStatus, '=', q.status!))
    .$if(!!q.year, (x) => x.where('l.year', '=', q.year!))
    .$if(!!q.organisationId, (x) => x.where('l.organisation_id', '=', q.organisationId!))
    .$if(!!q.communityId, (x) => x.where('l.community_id', '=', q.communityId!))
    .$if(!!q.q, (x) => {
      const like = containing(q.q!);
      return x.where((eb) => eb.or([eb('l.subject', 'ilike', like), eb('l.organisation_name', 'ilike', like), eb('m.person_name', 'ilike', like)]));
    });
}

/** 报到函件: the letters of the actor's communities (a liaison: those sent to its organisations). */
export async function listLetters(ctx: Ctx, q: LettersQuery): Promise<Page<LetterRow>> {
  if (!readsAnyLetters(ctx.actor)) throw CommonErrors.FORBIDDEN();
  const db = read(ctx);
  const scope = await letterScope(db, ctx);
  const items = LettersSort.orderBy(filtered(db, scope, q), q).limit(q.pageSize).offset(offsetOf(q)).execute();
  const count = filtered(db, scope, q)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return paginate(q, items, count) as Promise<Page<LetterRow>>;
}

/** The same table (all pages, up to 20,000 rows) as xlsx. */
export async function exportLettersXlsx(ctx: Ctx, q: LettersQuery): Promise<{ fileName: string; content: Buffer }> {
  if (!readsAnyLetters(ctx.actor)) throw CommonErrors.FORBIDDEN();
  const db = read(ctx);
  const scope = await letterScope(db, ctx);
  const rows = (await LettersSort.orderBy(filtered(db, scope, q), q).limit(20_000).execute()) as LetterRow[];
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('报到函件');
  sheet.columns = [
    { header: '类型', width: 18 },
    { header: '社区', width: 14 },
    { header: '报到单位', width: 28 },
    { header: '年度', width: 8 },
    { header: '党员', width: 10 },
    { header: '标题', width: 40 },
    { header: '状态', width: 10 },
    { header: '发送日期', width: 12 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) {
    sheet.addRow([LETTER_KIND_ZH[r.kind], r.communityName, r.organisationName, r.year ?? '', r.memberName ?? '', r.subject, LETTER_STATUS_ZH[r.status], r.sentAt ? chinaDay(r.sentAt) : '']);
  }
  return { fileName: `报到函件-${chinaDay(ctx.kernel.clock.now())}.xlsx`, content: Buffer.from(await wb.xlsx.writeBuffer()) };
}
