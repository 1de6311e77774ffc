import { SYSTEM_ACTOR } from '../access/index.ts';
import { type Kernel, audit, write } from '../context.ts';
import type { DemoSeedContext } from '../demo-seed.ts';
import { PRIVACY_VERSION, recordConsent, recordEarlierConsent } from './privacy.ts';

/**
 * The demo resident who agreed to an earlier notice (the registry's demo seeds the account): signing in on
 * the H5, they are shown "隐私政策已更新" and asked again. Every other resident of the demo has agreed to the
 * notice in force, so the H5 opens on their home.
 */
export const DEMO_EARLIER_CONSENT = { phone: '13800000003', version: '2026-06-01' } as const;

/**
 * The privacy notice's part of the demo, after every module's: the consents residents gave when they
 * signed up (the demo creates their accounts directly). Accounts that must agree (`consentRequired`: a
 * registry person, or no grant) consent to the current version, not to the separate ID-number part (which
 * 个人信息 still offers them); the one of `DEMO_EARLIER_CONSENT` to an earlier one. A no-op once any consent exists.
 */
export async function seedPrivacyDemo(kernel: Kernel, demo: DemoSeedContext): Promise<void> {
  if (await kernel.db.selectFrom('privacy_consents').select('account_id').limit(1).executeTakeFirst()) return;
  const accounts = await kernel.db
    .selectFrom('accounts as a')
    .select(['a.id', 'a.phone_hash'])
    .where((eb) => eb.or([eb('a.person_id', 'is not', null), eb.not(eb.exists(eb.selectFrom('grants as g').select('g.id').whereRef('g.account_id', '=', 'a.id')))]))
    .orderBy('a.id')
    .execute();
  if (accounts.length === 0) return;
  const earlier = kernel.pii.hash(DEMO_EARLIER_CONSENT.phone);
  // Agreed when they signed up: a month before the demo's "now" (the earlier notice: half a year before).
  const signedUp = new Date(demo.now.getTime() - 30 * 86_400_000);
  const ctx = { kernel, actor: SYSTEM_ACTOR };
  await write(ctx, async (tx) => {
    for (const a of accounts) {
      if (a.phone_hash === earlier) {
        await recordEarlierConsent(tx, a.id, { version: DEMO_EARLIER_CONSENT.version, sensitive: true }, new Date(demo.now.getTime() - 180 * 86_400_000));
      } else {
        await recordConsent(tx, a.id, { version: PRIVACY_VERSION, sensitive: false }, signedUp);
      }
    }
    await audit(tx, ctx, { action: 'demo.seeded', subjectType: 'privacy_consents', detail: { consents: accounts.length, version: PRIVACY_VERSION } });
  });
  if (accounts.some((a) => a.phone_hash === earlier)) {
    demo.notes.push(`${DEMO_EARLIER_CONSENT.phone}: 隐私政策已更新 — agreed to the notice of ${DEMO_EARLIER_CONSENT.version}, asked again on the H5 (privacy notice changed)`);
  }
}
