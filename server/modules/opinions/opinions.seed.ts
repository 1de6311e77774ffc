import type { Kernel } from '../../kernel/context.ts';
import { demoPart, type DemoSeedContext } from '../../kernel/demo-seed.ts';
import { read } from './opinions.db.ts';
import { answerOpinion } from './use-cases/answer-opinion.ts';
import { addMeToo } from './use-cases/me-too.ts';
import { postOpinion } from './use-cases/post-opinion.ts';

/** The demo's public posts that later modules build on (deliberation takes one up as an item), by what they are about. */
export interface DemoOpinions {
  charging: string;
  activityRoom: string;
}
export const DEMO_OPINIONS = demoPart<DemoOpinions>('opinions.posts');

/**
 * Demo opinions in 阳光花园, written through the module's own use cases by the demo logins (so each is
 * checked, placed and audited as if typed in): the two demo residents post, agree with each other, and
 * the property company answers one. A no-op when opinions exist already or those logins are missing.
 */
export async function seedOpinionsDemo(kernel: Kernel, demo: DemoSeedContext): Promise<void> {
  if (await read(kernel).selectFrom('op_opinions').select('id').limit(1).executeTakeFirst()) return;
  const owner = await demo.as('13800000001');
  const tenant = await demo.as('13800000002');
  const manager = await demo.as('wuye');
  if (!owner || !tenant || !manager) return;

  const garage = await postOpinion(owner, {
    visibility: 'public',
    addressee: 'property_company',
    kind: 'complaint',
    title: '地下车库照明不足',
    body: '地下车库B区有好几盏灯坏了很久，晚上停车看不清，老人孩子走路也不安全，希望尽快修好。',
  });
  await addMeToo(tenant, garage.id);
  await answerOpinion(manager, garage.id, '感谢反馈！已安排电工本周内更换B区全部故障灯管，并增加两处应急照明。');
  const charging = await postOpinion(owner, {
    visibility: 'public',
    addressee: 'owners_committee',
    kind: 'suggestion',
    title: '建议增设电动自行车集中充电桩',
    body: '小区电动自行车越来越多，楼道充电有安全隐患。建议业委会牵头，在3栋北侧空地建集中充电棚，费用可考虑从公共收益中列支。',
  });
  const activityRoom = await postOpinion(tenant, {
    visibility: 'public',
    addressee: 'residents_committee',
    kind: 'suggestion',
    title: '希望周末开放社区活动室',
    body: '上班族平时没时间，希望社区活动室周末也能开放，方便孩子看书、老人下棋。',
  });
  await postOpinion(owner, {
    visibility: 'private',
    addressee: 'property_company',
    kind: 'complaint',
    title: '楼上装修中午施工',
    body: '1栋1单元楼上住户装修，中午12点到2点也在电钻施工，影响休息，请物业提醒遵守装修时间规定。',
  });
  demo.put(DEMO_OPINIONS, { charging: charging.id, activityRoom: activityRoom.id });
}
