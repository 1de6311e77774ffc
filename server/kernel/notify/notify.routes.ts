import { z } from 'zod';
import type { Role } from '../access/roles.ts';
import type { Kernel } from '../context.ts';
import { CommonErrors } from '../errors.ts';
import { actorOf, ctxOf } from '../http/server.ts';
import type { App } from '../module.ts';
import { PageQuery } from '../pagination.ts';
import { SMS_SANDBOX_READERS } from './channels/sms-readers.ts';
import { listInbox, markRead, unreadCount } from './inbox.ts';
import { getSending, listSendings, SendingsSort, templateCatalogue } from './sendings.ts';
import { allowWechat, bindWechat, getSettings, MUTABLE_CHANNELS, NotifyErrors, updateSettings } from './settings.ts';

const tags = ['notify'];
const IdParams = z.object({ id: z.uuid() });
const MinuteOfDay = z.number().int().min(0).max(1439).nullable();
const SettingsBody = z.object({
  mutedChannels: z.array(z.enum(MUTABLE_CHANNELS)).max(MUTABLE_CHANNELS.length),
  quietStart: MinuteOfDay.describe('minutes after midnight, Asia/Shanghai; null: no quiet hours'),
  quietEnd: MinuteOfDay,
});
const AllowBody = z.object({ templates: z.array(z.string().trim().min(1).max(100)).min(1).max(20) });

export function notifyRoutes(app: App, kernel: Kernel) {
  app.get(
    '/api/notify/inbox',
    { schema: { tags, summary: 'My in-app messages, newest first', querystring: PageQuery.extend({ unread: z.enum(['true', 'false']).transform((v) => v === 'true').optional() }) } },
    async (req) => listInbox(ctxOf(kernel, req), req.query),
  );
  app.get('/api/notify/unread', { schema: { tags, summary: 'How many of my in-app messages are unread (the bell)' } }, async (req) => ({
    unread: await unreadCount(ctxOf(kernel, req)),
  }));
  app.post('/api/notify/inbox/:id/read', { schema: { tags, summary: 'Mark one of my messages read', params: IdParams } }, async (req) =>
    markRead(ctxOf(kernel, req), { id: req.params.id }),
  );
  app.post('/api/notify/inbox/read-all', { schema: { tags, summary: 'Mark all my messages read' } }, async (req) => markRead(ctxOf(kernel, req), 'all'));

  app.get('/api/notify/settings', { schema: { tags, summary: 'My channels, quiet hours and WeChat consents' } }, async (req) => getSettings(ctxOf(kernel, req)));
  app.patch('/api/notify/settings', { schema: { tags, summary: 'Turn channels off, set quiet hours', body: SettingsBody } }, async (req) =>
    updateSettings(ctxOf(kernel, req), req.body),
  );
  app.post('/api/notify/wechat/bind', { schema: { tags, summary: 'Bind my WeChat account (the sandbox gives a sandbox openid)' } }, async (req) =>
    bindWechat(ctxOf(kernel, req)),
  );
  app.post('/api/notify/wechat/allow', { schema: { tags, summary: "Record what I allowed in WeChat's subscribe prompt", body: AllowBody } }, async (req) =>
    allowWechat(ctxOf(kernel, req), req.body.templates),
  );

  app.get('/api/notify/templates', { schema: { tags, summary: 'The kinds of message and the channels each can use' } }, async (req) => ({
    items: templateCatalogue(ctxOf(kernel, req)),
  }));
  app.get(
    '/api/notify/sendings',
    {
      schema: {
        tags,
        summary: 'What was sent in my places and how each channel went',
        querystring: PageQuery.extend({ template: z.string().max(100).optional(), q: z.string().trim().max(100).optional(), ...SendingsSort.query }),
      },
    },
    async (req) => listSendings(ctxOf(kernel, req), req.query),
  );
  app.get('/api/notify/sendings/:id', { schema: { tags, summary: 'One sending: counts per channel and status, and who was not reached', params: IdParams } }, async (req) =>
    getSending(ctxOf(kernel, req), req.params.id),
  );

  // The WeChat sandbox's dev inbox, beside the SMS one: what "reached" WeChat (it shows no codes, but
  // what residents of every street were told, so only the platform admin). With the real service
  // configured there is no inbox, for anyone.
  app.get(
    '/api/notify/sandbox/wechat',
    { schema: { tags, summary: 'Dev inbox: messages the WeChat sandbox received (newest first); platform admins only, 404 unless the sandbox is the channel', querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }) } },
    async (req) => {
      const sandbox = kernel.wechat.sandbox;
      if (!sandbox) throw NotifyErrors.NOTIFY_WECHAT_SANDBOX_OFF();
      const actor = actorOf(req);
      if (!actor.grants.some((g) => (SMS_SANDBOX_READERS as readonly Role[]).includes(g.role))) throw CommonErrors.FORBIDDEN();
      return { items: sandbox.received().slice(0, req.query.limit), stats: sandbox.stats };
    },
  );
}
