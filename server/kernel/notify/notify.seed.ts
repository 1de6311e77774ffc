import type { Kernel } from '../context.ts';
import type { DemoSeedContext } from '../demo-seed.ts';
import { allowWechat, bindWechat } from './settings.ts';

/** The demo resident who has WeChat bound, and what they allowed (each "allow" lets one message through). */
const DEMO_WECHAT_RESIDENT = '13800000001';
const DEMO_ALLOWED = ['notices.published', 'notices.published', 'notices.published', 'repairs.progress', 'repairs.progress', 'opinions.answered'];

/**
 * The notification service's part of the demo, after every module's: the demo resident has bound WeChat
 * (the sandbox's) and allowed a few reminders, so the sendings the modules' demos made show WeChat
 * messages delivered beside the inbox. Only with the sandbox; a no-op once bound.
 */
export async function seedNotifyDemo(kernel: Kernel, demo: DemoSeedContext): Promise<void> {
  const ctx = await demo.as(DEMO_WECHAT_RESIDENT);
  if (!ctx || !kernel.wechat.sandbox) return;
  const bound = await kernel.db.selectFrom('notify_settings').select('wechat_openid').where('account_id', '=', ctx.actor.accountId).executeTakeFirst();
  if (bound?.wechat_openid) return;
  await bindWechat(ctx);
  for (const key of DEMO_ALLOWED) await allowWechat(ctx, [key]);
}

/**
 * The WeChat sandbox keeps consents in memory, as WeChat keeps them on its servers: after a restart it is
 * told again what people allowed and have not used (ours is the record), so it answers as WeChat would.
 */
export async function restoreSandboxConsents(kernel: Kernel): Promise<void> {
  const sandbox = kernel.wechat.sandbox;
  if (!sandbox) return;
  const rows = await kernel.db
    .selectFrom('notify_wechat_consents as c')
    .innerJoin('notify_settings as s', 's.account_id', 'c.account_id')
    .select(['s.wechat_openid', 'c.template', 'c.remaining'])
    .where('c.remaining', '>', 0)
    .where('s.wechat_openid', 'is not', null)
    .execute();
  for (const r of rows) {
    const templateId = kernel.wechat.templateId(r.template);
    if (templateId) sandbox.allow(r.wechat_openid!, templateId, r.remaining);
  }
}
