import { type Ctx, audit, write } from '../context.ts';
import type { Tx } from '../db/index.ts';
import { defineErrors } from '../errors.ts';
import { type PersonalDataSheet, shanghaiTime } from './personal-data.ts';

export const PrivacyErrors = defineErrors({
  PRIVACY_VERSION_OUTDATED: [409, '隐私政策已更新，请阅读新版本后再同意', 'The privacy notice has changed: read the new version before agreeing'],
  STAFF_ACCOUNT_NOT_CLOSABLE: [409, '工作人员账号须由管理员注销', 'A staff account is closed by an administrator'],
});

/**
 * The privacy notice residents agree to (PIPL art. 14, 17). A change of what is processed, why or for
 * how long is a new `PRIVACY_VERSION`: every resident is asked again on their next visit, and the
 * consents to earlier versions stay as the record of what was agreed to.
 */
export const PRIVACY_VERSION = '2026-12-01';
export const PRIVACY_NOTICE = {
  'zh-CN': {
    title: '共治平台个人信息保护政策',
    sections: [
      ['我们处理哪些个人信息', '手机号（登录与通知）、姓名、房屋与住户关系（来自街道的房屋登记），以及您提交的报修、意见等内容。'],
      ['为什么处理', '为核实您是房屋的业主或住户、办理报修、接收通知和参与小区事务。只在街道、社区、业委会和物业为此需要的范围内使用。'],
      ['敏感个人信息（身份证号）', '身份证号仅用于核实业主身份（如表决资格），加密保存，只显示部分号码；完整号码的每一次查看都会被记录，您可以在“谁查看过”中看到。处理身份证号需要您的单独同意。'],
      ['保存多久', '登录记录、短信验证码和通知内容在规定期限后自动删除；房屋产权和表决记录按法律和登记要求保留。'],
      ['您的权利', '您可以下载您的全部数据、查看谁查看过您的完整号码、申请更正，以及注销账号。注销后，账号和手机号被删除，产权登记和表决记录以去标识化方式保留。'],
    ],
  },
  en: {
    title: 'Gongzhi privacy notice',
    sections: [
      ['What we process', 'Your mobile number (sign-in and notifications), name, rooms and household relations (from the street\'s register), and what you submit: repair orders, opinions.'],
      ['Why', 'To confirm you are an owner or resident of a room, to handle repairs, to notify you and to let you take part in your compound\'s affairs — only as far as the street, community, owners\' committee and property company need it for that.'],
      ['Sensitive data (ID number)', 'Your ID number is used only to confirm ownership (for voting rights, say). It is stored encrypted and shown masked; every read of the full number is recorded and listed under "Who looked". Processing it needs your separate consent.'],
      ['How long', 'Sign-in records, SMS codes and notification contents are deleted automatically after a set time; ownership and ballot records are kept as the law and the register require.'],
      ['Your rights', 'You can download all your data, see who looked at your full number, ask for a correction and delete your account. Deletion erases the account and its phone; ownership and ballot records are kept, pseudonymised.'],
    ],
  },
} as const;

/** The notice in the caller's language, with its version. */
export function privacyNotice(locale: 'zh-CN' | 'en') {
  return { version: PRIVACY_VERSION, ...PRIVACY_NOTICE[locale] };
}

/**
 * Who must agree before using the H5: anyone matched to a registry person, and anyone holding no grant (a
 * resident who signed up and has not claimed a room yet). Staff-only accounts (grants, no person) are not asked.
 */
export const consentRequired = (actor: Ctx['actor']): boolean => actor.personId !== null || actor.grants.length === 0;

/**
 * The actor's consent to the current version and whether they agreed to the sensitive part; `required`: the
 * H5 holds them at the notice until they agree. A consent to an earlier version does not count.
 */
export async function myConsent(ctx: Ctx) {
  const rows = await ctx.kernel.db
    .selectFrom('privacy_consents')
    .select(['version', 'sensitive', 'consented_at'])
    .where('account_id', '=', ctx.actor.accountId)
    .execute();
  const row = rows.find((r) => r.version === PRIVACY_VERSION);
  return {
    version: PRIVACY_VERSION,
    consented: row !== undefined,
    /** Agreed to an earlier notice only: the H5 says the notice has changed ("隐私政策已更新"). */
    updated: row === undefined && rows.length > 0,
    sensitive: row?.sensitive ?? false,
    consentedAt: row?.consented_at ?? null,
    required: consentRequired(ctx.actor),
  };
}

/**
 * Records an account's consent to `version` in the caller's transaction (sign-up does it in its own;
 * the H5 through `consent`). Agreeing again to the same version updates the sensitive flag and time.
 */
export async function recordConsent(tx: Tx, accountId: string, input: { version: string; sensitive: boolean }, at: Date): Promise<void> {
  if (input.version !== PRIVACY_VERSION) throw PrivacyErrors.PRIVACY_VERSION_OUTDATED();
  await tx
    .insertInto('privacy_consents')
    .values({ account_id: accountId, version: input.version, sensitive: input.sensitive, consented_at: at })
    .onConflict((oc) => oc.columns(['account_id', 'version']).doUpdateSet({ sensitive: input.sensitive, consented_at: at }))
    .execute();
}

/**
 * A consent to an earlier version of the notice, as it was recorded then (the demo seed: a resident who
 * agreed before the notice changed is asked again). Not for the present version: that is `recordConsent`.
 */
export async function recordEarlierConsent(tx: Tx, accountId: string, input: { version: string; sensitive: boolean }, at: Date): Promise<void> {
  if (input.version >= PRIVACY_VERSION) throw new Error(`not an earlier version of the notice: ${input.version}`);
  await tx.insertInto('privacy_consents').values({ account_id: accountId, version: input.version, sensitive: input.sensitive, consented_at: at }).execute();
}

/** The signed-in person agrees to the notice they were shown (its version), with or without the sensitive part; audited. */
export async function consent(ctx: Ctx, input: { version: string; sensitive: boolean }) {
  if (input.version !== PRIVACY_VERSION) throw PrivacyErrors.PRIVACY_VERSION_OUTDATED();
  await write(ctx, async (tx) => {
    await recordConsent(tx, ctx.actor.accountId, input, ctx.kernel.clock.now());
    await audit(tx, ctx, {
      action: 'account.privacy_consented',
      subjectType: 'account',
      subjectId: ctx.actor.accountId,
      detail: { version: input.version, sensitive: input.sensitive },
    });
  });
  return myConsent(ctx);
}

/** The kernel's part of "my data": the account, the consents given, the messages sent to me. */
export async function kernelPersonalData(ctx: Ctx): Promise<PersonalDataSheet[]> {
  const db = ctx.kernel.db;
  const me = await db.selectFrom('accounts').selectAll().where('id', '=', ctx.actor.accountId).executeTakeFirstOrThrow();
  const consents = await db.selectFrom('privacy_consents').selectAll().where('account_id', '=', me.id).orderBy('consented_at').execute();
  const messages = await db
    .selectFrom('notify_messages')
    .innerJoin('notify_batches', (j) => j.onRef('notify_batches.street_id', '=', 'notify_messages.street_id').onRef('notify_batches.id', '=', 'notify_messages.batch_id'))
    .select(['notify_batches.template', 'notify_messages.channel', 'notify_messages.status', 'notify_batches.created_at', 'notify_messages.sent_at', 'notify_messages.read_at'])
    .where('notify_messages.account_id', '=', me.id)
    .orderBy('notify_batches.created_at')
    .execute();
  return [
    {
      sheet: { zh: '账号', en: 'Account' },
      columns: [
        { zh: '显示名', en: 'Display name' },
        { zh: '用户名', en: 'Username' },
        { zh: '手机号', en: 'Phone' },
        { zh: '语言', en: 'Language' },
        { zh: '注册时间', en: 'Created' },
      ],
      rows: [[me.display_name, me.username, me.phone_enc ? ctx.kernel.pii.decrypt(me.phone_enc) : null, me.locale, shanghaiTime(me.created_at)]],
    },
    {
      sheet: { zh: '隐私同意', en: 'Privacy consents' },
      columns: [
        { zh: '政策版本', en: 'Notice version' },
        { zh: '同意处理身份证号', en: 'Consented to ID number' },
        { zh: '同意时间', en: 'Consented at' },
      ],
      rows: consents.map((c) => [c.version, c.sensitive ? 'yes' : 'no', shanghaiTime(c.consented_at)]),
    },
    {
      sheet: { zh: '通知', en: 'Notifications' },
      columns: [
        { zh: '通知类型', en: 'Kind' },
        { zh: '渠道', en: 'Channel' },
        { zh: '状态', en: 'Status' },
        { zh: '创建时间', en: 'Created' },
        { zh: '发送时间', en: 'Sent' },
        { zh: '阅读时间', en: 'Read' },
      ],
      rows: messages.map((m) => [m.template, m.channel, m.status, shanghaiTime(m.created_at), shanghaiTime(m.sent_at), shanghaiTime(m.read_at)]),
    },
  ];
}
