import { createAccount, grantRole } from '../../kernel/auth/accounts.ts';
import type { Kernel } from '../../kernel/context.ts';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { chinaDay } from '../../kernel/clock.ts';
import { previousPeriod } from '../../kernel/payouts/payouts.ts';
import { DEMO_STREET } from '../registry/index.ts';
import { read, write } from './supervision.db.ts';
import { DEFAULT_LIST_RULES } from './supervision.lists.constants.ts';
import { appealEntry } from './use-cases/appeal-entry.ts';
import { decideAppeal } from './use-cases/decide-appeal.ts';
import { publishList } from './use-cases/publish-list.ts';
import { recordMeasure } from './use-cases/record-measure.ts';
import { updateListRules } from './use-cases/update-list-rules.ts';

/**
 * The lists' part of the demo, after the credit part graded the companies: the street's rules at the defaults with
 * their clauses; LAST quarter's list published (grades as of its end) — with the company the credit seed left at B
 * or below on the black list, its manager's appeal, rejected by the street with reasons, and an interview recorded
 * under the rules' clause; this quarter not yet published (the 红黑榜 page offers to publish it). The black company's
 * manager appeals as 'wuye' when that is its manager, else as a login this seed adds for it ('wuye2').
 * A no-op once the rules exist.
 */
export async function seedLists(kernel: Kernel, demo: DemoSeedContext): Promise<{ skipped?: string; published?: string; black?: string[] }> {
  const street = demo.get(DEMO_STREET);
  const official = await demo.as('street');
  if (!street || !official) return { skipped: 'no demo street' };
  if (await read(kernel).selectFrom('sup_list_rules').select('street_id').where('street_id', '=', street.street.id).executeTakeFirst()) return { skipped: 'seeded already' };

  await updateListRules(official, { streetId: street.street.id, ...DEFAULT_LIST_RULES });
  const last = previousPeriod('quarter', demo.now);
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
      { reasons: `本公司对${last.label}信用等级有异议：季度内两张整改通知单逾期系因小区供水管网改造停工所致，已于改造完成后一周内整改完毕，请求复核并撤销黑榜。` },
      [],
    );
    await decideAppeal(official, appealId, {
      decision: 'rejected',
      reasons: `经复核，两张整改通知单逾期时管网改造已完工，停工不能作为逾期理由；信用记录依《物业服务企业信用评价办法》第九条第（三）项扣分无误，维持黑榜。企业可对已整改的记录申请信用修复。`,
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
