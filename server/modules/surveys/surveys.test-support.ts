import { SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import { createAccount } from '../../kernel/auth/accounts.ts';
import { type Ctx, type Kernel, write } from '../../kernel/context.ts';
import { PASSWORD, type World } from '../../test/fixture.ts';
import { type Session, signIn } from '../../test/harness.ts';
import type { App } from '../../kernel/module.ts';
import type { QuestionInput } from './surveys.schemas.ts';

/** Shared by the surveys tests: resident accounts for the world's people, and surveys opening now. */

let phoneSeq = 0;
/** A resident account matched to a person, signed in. */
export async function residentSession(kernel: Kernel, app: App, personId: string): Promise<Session & { accountId: string }> {
  const phone = `1370000${String(++phoneSeq).padStart(4, '0')}`;
  const ctx: Ctx = { kernel, actor: SYSTEM_ACTOR };
  const accountId = await write(ctx, (tx) => createAccount(tx, kernel.pii, { phone, displayName: `住户${phoneSeq}`, password: PASSWORD, personId }));
  return Object.assign(await signIn(app, phone, PASSWORD), { accountId });
}

/** A person living in `roomId` (relation given), with a signed-in account named `name`. */
export async function livingIn(kernel: Kernel, app: App, w: World, placeId: string, roomId: string, name: string, relation: 'owner' | 'tenant' | 'family' | 'co_owner') {
  const personId = await w.person(placeId, name);
  await w.household(roomId, personId, relation, relation === 'owner' ? 10000 : undefined);
  const ctx: Ctx = { kernel, actor: SYSTEM_ACTOR };
  await write(ctx, (tx) => tx.updateTable('accounts').set({ display_name: name }).where('person_id', '=', personId).execute());
  const session = await residentSession(kernel, app, personId);
  await write(ctx, (tx) => tx.updateTable('accounts').set({ display_name: name }).where('id', '=', session.accountId).execute());
  return { personId, session };
}

/** A survey body opening `fromMin` minutes from now and closing `toMin` minutes from now (the test clock's). */
export const window = (kernel: Kernel, fromMin: number, toMin: number) => {
  const now = kernel.clock.now().getTime();
  return { opensAt: new Date(now + fromMin * 60_000).toISOString(), closesAt: new Date(now + toMin * 60_000).toISOString() };
};

export const QUESTIONS: QuestionInput[] = [
  { kind: 'single', prompt: '是否支持', options: ['支持', '反对', '弃权'] },
  { kind: 'multiple', prompt: '哪些设施', options: ['插座', '烟感', '监控', '照明'], maxChoices: 2 },
  { kind: 'scale', prompt: '满意度', min: 1, max: 5 },
  { kind: 'text', prompt: '建议', required: false },
];
