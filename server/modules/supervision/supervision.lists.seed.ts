import { createAccount, grantRole } from '../../kernel/auth/accounts.ts';
import type { Ctx, Kernel } from '../../kernel/context.ts';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { chinaDay } from '../../kernel/clock.ts';
import { previousPeriod } from '../../kernel/payouts/payouts.ts';
import { DEMO_STREET } from '../registry/index.ts';
import { read, write } from './supervision.db.ts';
import { DEFAULT_LIST_RULES } from './supervision.lists.constants.ts';
import { addCreditRecord } from './use-cases/add-credit-record.ts';
import { appealEntry } from './use-cases/appeal-entry.ts';
import { decideAppeal } from './use-cases/decide-appeal.ts';
import { publishList } from './use-cases/publish-list.ts';
import { recordMeasure } from './use-cases/record-measure.ts';
import { updateListRules } from './use-cases/update-list-rules.ts';

/**
 * The lists' part of the demo, after the credit part graded the companies: the street's rules at the defaults with
 * their clauses; LAST quarter's list published (grades as of its end) — with 锦华物业 at B on the black list (a
 * complaint upheld in that quarter, see below), wuye's appeal, rejected by the street with reasons, and an interview
 * recorded under the rules' clause; this quarter not yet published (the 红黑榜 page offers to publish it, after a
 * preview of the grades now). Should the black company not be wuye's, its manager is a login this seed adds ('wuye2').
 * A no-op once the rules exist.
 */
export async function seedLists(kernel: Kernel, demo: DemoSeedContext): Promise<{ skipped?: string; published?: string; black?: string[] }> {
  const street = demo.get(DEMO_STREET);
  const official = await demo.as('street');
  if (!street || !official) return { skipped: 'no demo street' };
  if (await read(kernel).selectFrom('sup_list_rules').select('street_id').where('street_id', '=', street.street.id).executeTakeFirst()) return { skipped: 'seeded already' };

  await updateListRules(official, { streetId: street.street.id, ...DEFAULT_LIST_RULES });
  const last = previousPeriod('quarter', demo.now);
  // The credit seed's records all fall in this quarter (its history is the last two months): last quarter's list
  // would grade every company at the base. A complaint upheld against 锦华物业 (wuye's company) in last quarter's
  // final month, through the credit part's own use case, puts it at 78.00 — B — by that quarter's end.
  const jinhua = street.compounds[0]?.propertyCompanyId;
  if (jinhua) {
    const when = new Date(last.end.getTime() - 20 * 86_400_000);
    const then: Ctx = { ...official, kernel: { ...official.kernel, clock: { now: () => when } } };
    await addCreditRecord(then, { companyId: jinhua, kind: 'complaint_upheld', note: '业主投诉小区消防通道长期被占用、多次反映未处置，经街道核查属实。' }, []);
  }
  const published = await publishList(official, { streetId: street.street.id, period: last.label });
  const black = await read(kernel)
    .selectFrom('sup_list_entries')
    .select(['id', 'company_id', 'company_name'])
    .where('street_id', '=', street.street.id)
    .where('publication_id', '=', published.id)
    .where('list', '=', 'black')
    .orderBy('score_centi')
    .execute();
  const first = black[0];
  if (!first) return { published: last.label, black: [] };

  // The black company's manager: a demo login holding property_manager on one of its compounds, else a new one.
  const compounds = street.compounds.filter((c) => c.propertyCompanyId === first.company_id);
  let login = demo.accounts.find((a) => a.role === 'property_manager' && a.placeIds.some((p) => compounds.some((c) => c.id === p)))?.login;
  if (!login && compounds.length) {
    login = 'wuye2';
    await write(official, async (tx) => {
      const id = await createAccount(tx, kernel.pii, { username: 'wuye2', displayName: '孙志强', password: demo.password, passwordHash: demo.passwordHash });
      for (const c of compounds) await grantRole(tx, id, 'property_manager', c.id);
      demo.accounts.push({ id, login: 'wuye2', name: '孙志强', role: 'property_manager', personId: null, placeIds: compounds.map((c) => c.id), place: compounds.map((c) => c.name).join('、') });
    });
  }
  const manager = login ? await demo.as(login) : undefined;
  if (manager) {
    const { id: appealId } = await appealEntry(
      manager,
      first.id,
      { reasons: `本公司对${last.label}信用等级有异议：消防通道占用系周边施工车辆临时停放所致，本公司已多次劝离并报告社区，请求复核并撤销黑榜。` },
      [],
    );
    await decideAppeal(official, appealId, {
      decision: 'rejected',
      reasons: '经复核，消防通道占用持续一个多月，企业未采取设置隔离桩、联系车主挪车等有效措施，投诉属实，扣分无误，维持黑榜。企业整改到位后可对该记录申请信用修复。',
    });
  }
  await recordMeasure(official, first.id, {
    kind: 'interview',
    interviewOn: chinaDay(demo.now),
    attendees: `街道城管科负责人、社区书记、${first.company_name}总经理及项目经理`,
    note: '通报本季度信用扣分情况，要求企业两周内完成逾期问题复查，下季度整改通知单按期办结率达到100%。',
  });
  demo.notes.push(`红黑榜：${last.label} 已公布，${first.company_name} 列入黑榜（申诉已驳回，已约谈）${login ? `；企业登录 ${login}` : ''}。本季度尚未公布。`);
  return { published: last.label, black: black.map((b) => b.company_name) };
}
