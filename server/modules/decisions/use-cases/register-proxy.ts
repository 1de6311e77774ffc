import { type Ctx, audit } from '../../../kernel/context.ts';
import type { Upload } from '../../../kernel/files/attachment-check.ts';
import { newId } from '../../../kernel/ids.ts';
import { notify } from '../../../kernel/notify/notify.ts';
import { isValidMobile, maskName, maskPhone, normalise } from '../../../kernel/pii/pii.ts';
import { read, write } from '../decisions.db.ts';
import { DecisionsErrors } from '../decisions.errors.ts';
import { decisionFor } from './decision-access.ts';
import { type EvidenceForm, storeEvidence } from './evidence-file.ts';
import { presentProxy } from './list-proxies.ts';
import { settingsFor } from './rules-in-force.ts';

/** Proxies are registered while the roll is out and while voting is open. */
export const PROXY_STATUSES = ['roll_published', 'open'] as const;

/**
 * 委托投票登记: staff register the person an owner appointed to vote for them — registered on the platform or not —
 * with the signed power of attorney (kept with its SHA-256). It waits for a second user's check of that document;
 * the proxy's ballot counts only after it. The rules cap how many owners one proxy (one phone number) may
 * represent in a decision; one live proxy per owner. The owner is told at once (in-app and SMS), so a proxy they
 * never appointed is revoked before it votes.
 */
export async function registerProxy(ctx: Ctx, id: string, readForm: () => Promise<EvidenceForm<{ entryId: string; name: string; phone: string }>>) {
  await decisionFor(read(ctx), ctx.actor, id, 'organise', { status: PROXY_STATUSES });
  const { fields, upload } = await readForm();
  if (!isValidMobile(fields.phone)) throw DecisionsErrors.PHONE_INVALID();
  if (!upload) throw DecisionsErrors.FILE_REQUIRED();
  return write(ctx, async (tx) => {
    // The decision's lock makes the cap exact: two registrations of one proxy do not both slip under it.
    const d = await decisionFor(tx, ctx.actor, id, 'organise', { forUpdate: true, status: PROXY_STATUSES });
    const settings = await settingsFor(tx, d);
    if (!settings.channels.value.proxy) throw DecisionsErrors.PROXY_NOT_ALLOWED();
    const entry = await tx
      .selectFrom('dec_roll_entries')
      .select(['id', 'no', 'person_ids'])
      .where('street_id', '=', d.street_id)
      .where('decision_id', '=', d.id)
      .where('id', '=', fields.entryId)
      .where('merged_into', 'is', null)
      .executeTakeFirst();
    if (!entry) throw DecisionsErrors.ENTRY_NOT_FOUND();
    const live = () => tx.selectFrom('dec_proxies').where('street_id', '=', d.street_id).where('decision_id', '=', d.id).where('status', 'in', ['pending', 'checked']);
    if (await live().where('entry_id', '=', entry.id).select('id').executeTakeFirst()) throw DecisionsErrors.PROXY_EXISTS();
    const phone = normalise(fields.phone);
    const phoneHash = ctx.kernel.pii.hash(phone);
    const cap = settings.proxyCap.value;
    const { n } = await live().where('phone_hash', '=', phoneHash).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    if (Number(n) >= cap) throw DecisionsErrors.PROXY_CAP_REACHED({ cap });
    // Stored once everything else holds: a refused registration leaves no file behind.
    const poa = await storeEvidence(ctx, upload);
    const proxyId = newId();
    await tx
      .insertInto('dec_proxies')
      .values({
        street_id: d.street_id,
        id: proxyId,
        decision_id: d.id,
        entry_id: entry.id,
        name: fields.name,
        phone_enc: ctx.kernel.pii.encrypt(phone),
        phone_hash: phoneHash,
        phone_masked: maskPhone(phone),
        poa: JSON.stringify(poa),
        status: 'pending',
        registered_by: ctx.actor.accountId,
        registered_at: ctx.kernel.clock.now(),
      })
      .execute();
    await notify(tx, ctx, {
      template: 'decisions.proxy_registered',
      placeId: d.place_id,
      to: { persons: entry.person_ids },
      data: { title: d.title, id: d.id, proxy: maskName(fields.name) },
      subject: { type: 'decision', id: d.id },
    });
    await audit(tx, ctx, {
      action: 'decisions.proxy.registered',
      placeId: d.place_id,
      subjectType: 'decision',
      subjectId: d.id,
      detail: { proxy: proxyId, entry: entry.no, poaSha256: poa.sha256 },
    });
    return presentProxy(tx, d, ctx.actor.accountId, proxyId);
  });
}
