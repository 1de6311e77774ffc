import { z } from 'zod';
import type { Role } from '../../access/roles.ts';
import { SMS_SANDBOX_READERS } from './sms-readers.ts';
import type { Kernel } from '../../context.ts';
import { CommonErrors } from '../../errors.ts';
import { actorOf } from '../../http/server.ts';
import type { App } from '../../module.ts';
import { SmsErrors } from './sms.ts';

export { SMS_SANDBOX_READERS };

const SandboxQuery = z.object({
  phone: z.string().trim().regex(/^1\d{10}$/, 'an 11-digit mobile number').optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export function smsRoutes(app: App, kernel: Kernel) {
  app.get(
    '/api/sms/sandbox',
    { schema: { tags: ['auth'], summary: 'Dev inbox: text messages the SMS sandbox kept (newest first); platform admins only, 404 unless the sandbox is the channel', querystring: SandboxQuery } },
    async (req) => {
      // With a real provider configured there is no inbox, for anyone: the route answers as if absent.
      const outbox = kernel.sms.outbox;
      if (!outbox) throw SmsErrors.SMS_SANDBOX_OFF();
      const actor = actorOf(req);
      if (!actor.grants.some((g) => (SMS_SANDBOX_READERS as readonly Role[]).includes(g.role))) throw CommonErrors.FORBIDDEN();
      const items = outbox.list({ phone: req.query.phone, limit: req.query.limit });
      return { items: items.map((m) => ({ id: m.id, at: m.at, phone: m.phoneMasked, text: m.text })) };
    },
  );
}
