import { type Selectable, sql } from 'kysely';
import { SYSTEM_ACTOR } from '../../../kernel/access/index.ts';
import { type Ctx, type Kernel, audit } from '../../../kernel/context.ts';
import type { Job } from '../../../kernel/jobs/jobs.ts';
import { notify } from '../../../kernel/notify/notify.ts';
import { read, type Tx, write } from '../notices.db.ts';
import type { NtcNoticesTable } from '../notices.tables.ts';
import { todayOf } from './load-notice.ts';

type Announceable = Pick<Selectable<NtcNoticesTable>, 'id' | 'place_id' | 'category' | 'title' | 'status' | 'valid_from' | 'valid_until' | 'issuer' | 'announced_at'>;

/**
 * Tells the residents under a notice's place, once, when it is published and valid today: their inbox
 * and WeChat (if they allowed it); an emergency notice goes by SMS too and comes through quiet hours.
 * A notice published ahead of its first valid day is told on that day by the job below, so nobody is
 * sent to a notice they cannot open yet. Runs in the caller's transaction.
 */
export async function announceIfDue(tx: Tx, ctx: Ctx, notice: Announceable): Promise<boolean> {
  const today = todayOf(ctx);
  if (notice.status !== 'published' || notice.announced_at || notice.valid_from > today) return false;
  if (notice.valid_until && notice.valid_until < today) return false;
  const urgent = notice.category === 'emergency';
  const { recipients } = await notify(tx, ctx, {
    template: urgent ? 'notices.emergency' : 'notices.published',
    placeId: notice.place_id,
    to: { audience: 'registry.residents' },
    data: { title: notice.title, issuer: notice.issuer, noticeId: notice.id },
    channels: urgent ? ['inbox', 'wechat', 'sms'] : ['inbox', 'wechat'],
    urgent,
    subject: { type: 'notice', id: notice.id },
  });
  await tx.updateTable('ntc_notices').set({ announced_at: ctx.kernel.clock.now() }).where('id', '=', notice.id).execute();
  notice.announced_at = ctx.kernel.clock.now();
  await audit(tx, ctx, { action: 'notices.notice.announced', placeId: notice.place_id, subjectType: 'notice', subjectId: notice.id, detail: { recipients, urgent } });
  return true;
}

/** Notices published ahead whose first valid day has come: told now, each in its own transaction. */
export async function announceDueNotices(kernel: Kernel): Promise<{ announced: number }> {
  const ctx: Ctx = { kernel, actor: SYSTEM_ACTOR };
  const due = await read(kernel)
    .selectFrom('ntc_notices')
    .select('id')
    .where('status', '=', 'published')
    .where('announced_at', 'is', null)
    .where('valid_from', '<=', sql<string>`${todayOf(ctx)}::date`)
    .orderBy('valid_from')
    .limit(100)
    .execute();
  let announced = 0;
  for (const { id } of due) {
    const told = await write(ctx, async (tx) => {
      const notice = await tx.selectFrom('ntc_notices').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
      return notice ? announceIfDue(tx, ctx, notice) : false;
    });
    if (told) announced++;
  }
  return { announced };
}

export const announceJob: Job = { name: 'notices.announce-due', everyMs: 60_000, run: announceDueNotices };

/** What notices say to residents (kernel/notify/). */
export const NOTICE_NOTIFICATIONS = [
  {
    key: 'notices.published',
    label: { zh: '新公告', en: 'New notices' },
    title: { zh: '新公告：{title}', en: 'New notice: {title}' },
    body: { zh: '{issuer}发布了公告「{title}」，请查看。', en: '{issuer} posted "{title}".' },
    wechat: { thing1: '{title}', thing2: '{issuer}' },
    link: '/h5/notices/{noticeId}',
  },
  {
    key: 'notices.emergency',
    label: { zh: '紧急通知', en: 'Emergency notices' },
    title: { zh: '紧急通知：{title}', en: 'Emergency: {title}' },
    body: { zh: '{issuer}发布紧急通知「{title}」，请立即查看。', en: '{issuer} posted an emergency notice: "{title}". Please read it now.' },
    sms: { zh: '{issuer}紧急通知：{title}。请打开共治查看详情。', en: 'Emergency notice from {issuer}: {title}. Open Gongzhi for details.' },
    wechat: { thing1: '{title}', thing2: '{issuer}' },
    link: '/h5/notices/{noticeId}',
  },
];
