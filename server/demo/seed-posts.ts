import { appDb } from '../app.ts';
import type { Actor } from '../kernel/access/index.ts';
import { loadGrants } from '../kernel/auth/sessions.ts';
import type { Ctx, Kernel } from '../kernel/context.ts';
import { createNotice } from '../modules/notices/use-cases/save-notice.ts';
import { answerOpinion } from '../modules/opinions/use-cases/answer-opinion.ts';
import { addMeToo } from '../modules/opinions/use-cases/me-too.ts';
import { postOpinion } from '../modules/opinions/use-cases/post-opinion.ts';

/**
 * Demo notices and opinions for 阳光花园 and its community, written through the modules' own use
 * cases by the demo accounts (so each is checked, placed and audited as if typed in): the street,
 * the residents' committee and the property company publish; the two demo residents post, agree
 * with each other, and the property company answers one. A no-op when notices already exist.
 */
// Published in this order; the newest shows first after the pinned one, so the water cut comes last.
const NOTICES: { by: string; at: 'street' | 'community' | 'compound'; category: 'policy' | 'announcement' | 'meeting' | 'emergency'; pinned?: boolean; title: string; body: string }[] = [
  {
    by: 'juweihui',
    at: 'community',
    category: 'announcement',
    pinned: true,
    title: '关于开展冬季消防安全检查的通知',
    body: '各位居民：\n为做好冬季防火工作，社区将于本月中旬会同物业服务企业对各小区楼道、地下车库和电动自行车充电区域开展消防安全检查。请清理楼道堆放的杂物，不要在楼道内为电动自行车充电。\n检查期间如有疑问，请联系社区居委会。',
  },
  {
    by: 'juweihui',
    at: 'compound',
    category: 'meeting',
    title: '关于征集业主大会会议议题的公告',
    body: '阳光花园业主委员会拟于下月召开业主大会会议，现向全体业主征集议题（如公共收益使用、电动自行车充电桩增设等），请通过“议事”栏目或向业委会提交。',
  },
  {
    by: 'street',
    at: 'street',
    category: 'policy',
    title: '安和街道“红色物业”服务质量评价结果公示',
    body: '根据物业服务质量季度评价办法，街道会同社区、业主委员会对辖区物业服务企业进行了评价，结果在各小区公示栏同步张贴，公示期七天。对评价结果有异议的，可向街道物委会反映。',
  },
  {
    by: 'wuye',
    at: 'compound',
    category: 'emergency',
    title: '二次供水水箱清洗临时停水通知',
    body: '因二次供水水箱年度清洗消毒，本周六上午8:00至12:00小区3栋至6栋将临时停水，请提前储水。给您带来不便，敬请谅解。',
  },
];

async function actorOf(kernel: Kernel, where: { username: string } | { phone: string }): Promise<Actor | null> {
  const q = appDb(kernel).selectFrom('accounts').select(['id', 'display_name', 'person_id']);
  const row = await ('username' in where ? q.where('username', '=', where.username) : q.where('phone_hash', '=', kernel.pii.hash(where.phone))).executeTakeFirst();
  if (!row) return null;
  return { accountId: row.id, name: row.display_name, personId: row.person_id, grants: await loadGrants(appDb(kernel), row.id), requestId: null, locale: 'zh-CN' };
}

export async function seedDemoPosts(kernel: Kernel): Promise<{ notices: number; opinions: number }> {
  if (await appDb(kernel).selectFrom('ntc_notices').select('id').limit(1).executeTakeFirst()) return { notices: 0, opinions: 0 };
  const compound = await appDb(kernel).selectFrom('places').select(['id', 'path']).where('kind', '=', 'compound').where('name', '=', '阳光花园').executeTakeFirst();
  const owner = await actorOf(kernel, { phone: '13800000001' });
  const tenant = await actorOf(kernel, { phone: '13800000002' });
  const manager = await actorOf(kernel, { username: 'wuye' });
  if (!compound || !owner || !tenant || !manager) return { notices: 0, opinions: 0 };
  const ancestors = compound.path.split('/').filter(Boolean);
  const places = await appDb(kernel).selectFrom('places').select(['id', 'kind']).where('id', 'in', ancestors).execute();
  const placeOf = (at: 'street' | 'community' | 'compound') => places.find((p) => p.kind === at)!.id;
  const as = (actor: Actor): Ctx => ({ kernel, actor });

  let notices = 0;
  for (const n of NOTICES) {
    const by = await actorOf(kernel, { username: n.by });
    if (!by) continue;
    await createNotice(as(by), { placeId: placeOf(n.at), category: n.category, title: n.title, body: n.body, pinned: n.pinned ?? false, publish: true });
    notices++;
  }

  const garage = await postOpinion(as(owner), {
    visibility: 'public',
    addressee: 'property_company',
    kind: 'complaint',
    title: '地下车库照明不足',
    body: '地下车库B区有好几盏灯坏了很久，晚上停车看不清，老人孩子走路也不安全，希望尽快修好。',
  });
  await addMeToo(as(tenant), garage.id);
  await answerOpinion(as(manager), garage.id, '感谢反馈！已安排电工本周内更换B区全部故障灯管，并增加两处应急照明。');
  await postOpinion(as(owner), {
    visibility: 'public',
    addressee: 'owners_committee',
    kind: 'suggestion',
    title: '建议增设电动自行车集中充电桩',
    body: '小区电动自行车越来越多，楼道充电有安全隐患。建议业委会牵头，在3栋北侧空地建集中充电棚，费用可考虑从公共收益中列支。',
  });
  await postOpinion(as(tenant), {
    visibility: 'public',
    addressee: 'residents_committee',
    kind: 'suggestion',
    title: '希望周末开放社区活动室',
    body: '上班族平时没时间，希望社区活动室周末也能开放，方便孩子看书、老人下棋。',
  });
  await postOpinion(as(owner), {
    visibility: 'private',
    addressee: 'property_company',
    kind: 'complaint',
    title: '楼上装修中午施工',
    body: '1栋1单元楼上住户装修，中午12点到2点也在电钻施工，影响休息，请物业提醒遵守装修时间规定。',
  });
  return { notices, opinions: 4 };
}
