import { type Ctx, audit, write } from '../context.ts';
import type { NotifyChannel } from '../db/tables.ts';
import { defineErrors } from '../errors.ts';
import { notificationTemplate, notificationTemplates, textIn } from './notify.ts';

export const NotifyErrors = defineErrors({
  NOTIFY_WECHAT_NOT_BOUND: [409, '请先绑定微信', 'Bind your WeChat account first'],
  NOTIFY_WECHAT_SANDBOX_ONLY: [
    404,
    '微信绑定需在微信中打开共治完成（当前为沙箱环境以外的配置）',
    'WeChat is bound by opening Gongzhi inside WeChat (this is not the sandbox)',
  ],
  NOTIFY_WECHAT_SANDBOX_OFF: [404, '微信沙箱未启用（已配置真实微信通道）', 'The WeChat sandbox is off (the real WeChat service is configured)'],
  NOTIFY_TEMPLATE_UNKNOWN: [400, '没有这种消息：{key}', 'No such kind of message: {key}'],
  NOTIFY_QUIET_HOURS_HALF: [400, '免打扰时段需同时填写开始和结束时间', 'Quiet hours need both a start and an end'],
});

/** Channels a person may turn off; the inbox always keeps a copy. */
export const MUTABLE_CHANNELS = ['sms', 'wechat'] as const satisfies readonly NotifyChannel[];

export interface NotifySettings {
  mutedChannels: NotifyChannel[];
  quietStart: number | null;
  quietEnd: number | null;
  wechat: { provider: 'sandbox' | 'real'; bound: boolean };
  /** Every kind of message that can come by WeChat, with how many more the person has allowed. */
  wechatTemplates: { key: string; label: string; allowed: number }[];
}

export async function getSettings(ctx: Ctx): Promise<NotifySettings> {
  const db = ctx.kernel.db;
  const [row, consents] = await Promise.all([
    db.selectFrom('notify_settings').selectAll().where('account_id', '=', ctx.actor.accountId).executeTakeFirst(),
    db.selectFrom('notify_wechat_consents').select(['template', 'remaining']).where('account_id', '=', ctx.actor.accountId).execute(),
  ]);
  const allowed = new Map(consents.map((c) => [c.template, c.remaining]));
  return {
    mutedChannels: row?.muted_channels ?? [],
    quietStart: row?.quiet_start ?? null,
    quietEnd: row?.quiet_end ?? null,
    wechat: { provider: ctx.kernel.wechat.provider, bound: !!row?.wechat_openid },
    wechatTemplates: notificationTemplates()
      .filter((t) => t.wechat)
      .map((t) => ({ key: t.key, label: textIn(t.label, ctx.actor.locale), allowed: allowed.get(t.key) ?? 0 })),
  };
}

async function upsertSettings(ctx: Ctx, tx: Parameters<Parameters<typeof write>[1]>[0], values: { muted_channels?: NotifyChannel[]; quiet_start?: number | null; quiet_end?: number | null; wechat_openid?: string }) {
  const now = ctx.kernel.clock.now();
  await tx
    .insertInto('notify_settings')
    .values({ account_id: ctx.actor.accountId, updated_at: now, ...values })
    .onConflict((oc) => oc.column('account_id').doUpdateSet({ ...values, updated_at: now }))
    .execute();
}

/** Which channels the person turned off, and their quiet hours (minutes after midnight, Asia/Shanghai; both or neither). */
export async function updateSettings(ctx: Ctx, input: { mutedChannels: (typeof MUTABLE_CHANNELS)[number][]; quietStart: number | null; quietEnd: number | null }) {
  if ((input.quietStart === null) !== (input.quietEnd === null)) throw NotifyErrors.NOTIFY_QUIET_HOURS_HALF();
  await write(ctx, async (tx) => {
    const before = await tx.selectFrom('notify_settings').select(['muted_channels', 'quiet_start', 'quiet_end']).where('account_id', '=', ctx.actor.accountId).executeTakeFirst();
    const muted = [...new Set(input.mutedChannels)];
    await upsertSettings(ctx, tx, { muted_channels: muted, quiet_start: input.quietStart, quiet_end: input.quietEnd });
    await audit(tx, ctx, {
      action: 'notify.settings.changed',
      subjectType: 'account',
      subjectId: ctx.actor.accountId,
      before: before ?? null,
      after: { muted_channels: muted, quiet_start: input.quietStart, quiet_end: input.quietEnd },
    });
  });
  return getSettings(ctx);
}

/**
 * Binds the person's WeChat account. With the real service the openid comes from WeChat's sign-in
 * (网页授权) when Gongzhi is opened inside WeChat, which is not reachable here; the sandbox gives each
 * account a stable sandbox openid, so the whole path can be used and tested.
 */
export async function bindWechat(ctx: Ctx) {
  const sandbox = ctx.kernel.wechat.sandbox;
  if (!sandbox) throw NotifyErrors.NOTIFY_WECHAT_SANDBOX_ONLY();
  const openid = sandbox.openidFor(ctx.actor.accountId);
  await write(ctx, async (tx) => {
    await upsertSettings(ctx, tx, { wechat_openid: openid });
    await audit(tx, ctx, { action: 'notify.wechat.bound', subjectType: 'account', subjectId: ctx.actor.accountId, detail: { provider: 'sandbox' } });
  });
  return getSettings(ctx);
}

/**
 * Records what the person allowed in WeChat's subscribe prompt (wx.requestSubscribeMessage answers
 * "accept" per template): one more message of each kind may be sent to them. In the sandbox the same
 * consent is given to the sandbox's stand-in for WeChat, which enforces it as WeChat does.
 */
export async function allowWechat(ctx: Ctx, keys: string[]) {
  for (const key of keys) if (!notificationTemplate(key)?.wechat) throw NotifyErrors.NOTIFY_TEMPLATE_UNKNOWN({ key });
  const now = ctx.kernel.clock.now();
  const openid = await write(ctx, async (tx) => {
    const settings = await tx.selectFrom('notify_settings').select('wechat_openid').where('account_id', '=', ctx.actor.accountId).executeTakeFirst();
    if (!settings?.wechat_openid) throw NotifyErrors.NOTIFY_WECHAT_NOT_BOUND();
    for (const key of new Set(keys)) {
      await tx
        .insertInto('notify_wechat_consents')
        .values({ account_id: ctx.actor.accountId, template: key, remaining: 1, updated_at: now })
        .onConflict((oc) => oc.columns(['account_id', 'template']).doUpdateSet((eb) => ({ remaining: eb('notify_wechat_consents.remaining', '+', 1), updated_at: now })))
        .execute();
    }
    await audit(tx, ctx, { action: 'notify.wechat.allowed', subjectType: 'account', subjectId: ctx.actor.accountId, detail: { templates: [...new Set(keys)] } });
    return settings.wechat_openid;
  });
  // WeChat's side of the consent (the sandbox's stand-in), once ours is committed.
  for (const key of new Set(keys)) {
    const templateId = ctx.kernel.wechat.templateId(key);
    if (templateId) ctx.kernel.wechat.sandbox?.allow(openid, templateId);
  }
  return getSettings(ctx);
}
