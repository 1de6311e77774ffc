import type { EvidenceKind, ScoringMethod } from './supervision.sheets.constants.ts';

/**
 * The demo's indicator sheets, written after the usual wording of Chinese property-service standards (住宅物业服务
 * 等级标准, 物业服务质量考评细则) and the Quzhou 有礼小区 sheet. Marked demo content: the street replaces them with its own.
 * Points in hundredths.
 */
export interface DemoIndicator {
  code: string;
  name: string;
  guidance: string;
  method: ScoringMethod;
  maxCenti: number;
  deductionCenti?: number;
  evidence: EvidenceKind;
}
export interface DemoSection {
  name: string;
  weight: number;
  indicators: DemoIndicator[];
}

const pts = (code: string, name: string, guidance: string, max: number, evidence: EvidenceKind = 'none'): DemoIndicator => ({ code, name, guidance, method: 'points', maxCenti: max * 100, evidence });
const ded = (code: string, name: string, guidance: string, max: number, per: number, evidence: EvidenceKind = 'photo'): DemoIndicator => ({ code, name, guidance, method: 'deduction', maxCenti: max * 100, deductionCenti: per * 100, evidence });
const yes = (code: string, name: string, guidance: string, max: number, evidence: EvidenceKind = 'document'): DemoIndicator => ({ code, name, guidance, method: 'yes_no', maxCenti: max * 100, evidence });

export const PROPERTY_SHEET_NAME = '物业服务质量考评标准（示例）';
export const PROPERTY_SHEET: DemoSection[] = [
  {
    name: '综合管理',
    weight: 20,
    indicators: [
      yes('A1', '物业服务合同、收费标准及服务内容在小区显著位置公示', '查看公示栏，缺项或过期视为不达标', 5, 'photo'),
      yes('A2', '项目负责人及客服人员持证上岗，设客服接待点', '查看人员名册与证书', 4, 'document'),
      pts('A3', '报修、投诉受理及时，处理结果有回访记录', '抽查近一个月受理记录 10 件，每缺一件回访扣 0.5 分', 6, 'document'),
      pts('A4', '档案资料（业主档案、设备台账、维修记录）完整规范', '按完整程度酌情打分', 5, 'none'),
    ],
  },
  {
    name: '房屋及设施设备',
    weight: 25,
    indicators: [
      ded('B1', '房屋外观完好，公共部位无违章搭建、无私拉乱接', '每发现一处扣 1 分', 6, 1),
      pts('B2', '电梯按规定维保，年检合格证在有效期内并公示', '查看维保记录与合格证', 6, 'photo'),
      yes('B3', '消防设施完好，消防通道、楼梯间畅通无堆物', '抽查 3 栋楼，任一处堵塞即不达标', 6, 'photo'),
      ded('B4', '公共照明、门禁、监控设备运行正常', '每发现一处损坏未修扣 1 分', 5, 1),
      pts('B5', '二次供水水箱每半年清洗消毒，有水质检测报告', '查看清洗记录和检测报告', 4, 'document'),
    ],
  },
  {
    name: '公共秩序',
    weight: 20,
    indicators: [
      yes('C1', '出入口 24 小时值守，外来人员车辆登记', '现场查看值守与登记本', 5, 'photo'),
      pts('C2', '按规定频次巡逻，巡更记录完整', '查看巡更系统或记录本', 5, 'document'),
      ded('C3', '车辆停放有序，无占用消防通道、绿地停车', '每发现一辆乱停扣 0.5 分', 5, 0.5),
      pts('C4', '制定突发事件应急预案并每年演练', '查看预案及演练照片', 5, 'photo_or_document'),
    ],
  },
  {
    name: '环境卫生',
    weight: 20,
    indicators: [
      ded('D1', '楼道、电梯轿厢、公共区域清洁，无垃圾杂物', '每发现一处不洁扣 1 分', 8, 1),
      pts('D2', '垃圾分类投放点设置规范，日产日清，无异味', '按现场情况打分', 7, 'photo'),
      yes('D3', '定期开展消杀，有消杀记录', '查看消杀记录', 5, 'document'),
    ],
  },
  {
    name: '绿化养护',
    weight: 15,
    indicators: [
      ded('E1', '绿地无黄土裸露、无枯死苗木、无杂草', '每发现一处扣 1 分', 6, 1),
      pts('E2', '按季节修剪、施肥、病虫害防治', '查看养护记录和现场', 5, 'photo_or_document'),
      yes('E3', '无毁绿种菜、侵占绿地现象', '现场查看', 4, 'photo'),
    ],
  },
];

export const CIVILITY_SHEET_NAME = '有礼小区评价指标（示例）';
/** 54 indicators over four sections, as the Quzhou 有礼小区 sheet (三类五星). */
const CIVILITY_LISTS: { name: string; weight: number; prefix: string; items: [string, ScoringMethod, number, EvidenceKind][] }[] = [
  {
    name: '党建引领',
    weight: 25,
    prefix: 'P',
    items: [
      ['小区成立党支部或党小组，党组织覆盖率达标', 'yes_no', 3, 'document'],
      ['业委会成员中党员比例不低于 50%', 'yes_no', 3, 'document'],
      ['物业服务企业成立党组织或有党建指导员', 'yes_no', 2, 'document'],
      ['“红色物业”联席会议每季度至少召开一次', 'points', 3, 'document'],
      ['在职党员到小区报到并参与志愿服务', 'points', 3, 'photo_or_document'],
      ['党员示范岗、党员责任区设置并亮身份', 'yes_no', 2, 'photo'],
      ['小区党群服务驿站建成并正常开放', 'yes_no', 2, 'photo'],
      ['党组织牵头解决小区难题，有案例记录', 'points', 3, 'document'],
      ['开展主题党日活动进小区', 'points', 2, 'photo'],
      ['党组织书记与业委会主任“一肩挑”或交叉任职', 'yes_no', 2, 'none'],
      ['楼道党员中心户设立', 'points', 2, 'photo'],
      ['党建宣传阵地内容定期更新', 'deduction', 2, 'photo'],
    ],
  },
  {
    name: '物业服务',
    weight: 30,
    prefix: 'W',
    items: [
      ['物业服务内容与标准公开透明', 'yes_no', 2, 'photo'],
      ['物业费收缴率达到 90% 以上', 'points', 3, 'document'],
      ['公共收益收支每半年公示', 'yes_no', 2, 'photo'],
      ['维修资金使用程序规范', 'yes_no', 2, 'document'],
      ['报修响应及时，一般维修 24 小时内完成', 'points', 3, 'document'],
      ['电梯运行安全，无重大故障', 'deduction', 2, 'none'],
      ['消防设施完好有效', 'deduction', 3, 'photo'],
      ['楼道无堆物、无飞线充电', 'deduction', 2, 'photo'],
      ['公共区域保洁到位', 'deduction', 2, 'photo'],
      ['垃圾分类准确率达标', 'points', 2, 'photo'],
      ['绿化养护及时，无毁绿现象', 'deduction', 2, 'photo'],
      ['停车管理有序，电动车集中充电', 'points', 2, 'photo'],
      ['安防监控全覆盖并正常运行', 'yes_no', 2, 'photo'],
      ['业主满意度测评达 80% 以上', 'points', 3, 'document'],
      ['物业服务企业信用评价良好', 'yes_no', 1, 'document'],
      ['设施设备台账完整', 'points', 1, 'document'],
    ],
  },
  {
    name: '基层治理',
    weight: 25,
    prefix: 'G',
    items: [
      ['业委会依法依规成立并按期换届', 'yes_no', 3, 'document'],
      ['业主大会议事规则、管理规约齐全', 'yes_no', 2, 'document'],
      ['居委会、业委会、物业“三方协同”机制运行', 'points', 3, 'document'],
      ['重大事项依法召开业主大会表决', 'yes_no', 2, 'document'],
      ['小区议事协商每季度至少一次', 'points', 2, 'document'],
      ['矛盾纠纷就地化解率达 90% 以上', 'points', 2, 'document'],
      ['网格员入户走访全覆盖', 'points', 2, 'document'],
      ['无群体性上访事件', 'yes_no', 2, 'none'],
      ['楼长、单元长队伍健全', 'yes_no', 1, 'document'],
      ['居民公约制定并上墙', 'yes_no', 1, 'photo'],
      ['平安小区创建达标，无刑事案件', 'deduction', 2, 'none'],
      ['出租房屋登记管理规范', 'points', 1, 'document'],
      ['数字化管理平台使用率', 'points', 1, 'none'],
      ['信息公开及时准确', 'deduction', 1, 'photo'],
    ],
  },
  {
    name: '文明风尚',
    weight: 20,
    prefix: 'M',
    items: [
      ['志愿服务队伍不少于 3 支', 'yes_no', 2, 'document'],
      ['注册志愿者占常住人口 10% 以上', 'points', 2, 'document'],
      ['开展邻里节、百家宴等睦邻活动', 'points', 2, 'photo'],
      ['文明养犬，无犬只扰民', 'deduction', 2, 'photo'],
      ['无高空抛物现象', 'deduction', 2, 'none'],
      ['家风家训、好人好事宣传', 'points', 1, 'photo'],
      ['“有礼”宣传氛围浓厚', 'points', 2, 'photo'],
      ['尊老爱幼，关爱困难群体有台账', 'yes_no', 1, 'document'],
      ['移风易俗，红白喜事简办', 'yes_no', 1, 'none'],
      ['文体队伍活跃，活动场地开放', 'points', 1, 'photo'],
      ['无乱张贴乱涂画', 'deduction', 2, 'photo'],
      ['最美家庭、文明楼道评选', 'yes_no', 2, 'photo'],
    ],
  },
];

export const CIVILITY_SHEET: DemoSection[] = CIVILITY_LISTS.map((s) => ({
  name: s.name,
  weight: s.weight,
  indicators: s.items.map(([name, method, max, evidence], i) => ({
    code: `${s.prefix}${String(i + 1).padStart(2, '0')}`,
    name,
    guidance: method === 'deduction' ? '每发现一处问题扣 0.5 分，扣完为止' : method === 'yes_no' ? '达标得满分，否则不得分' : '按完成情况酌情打分',
    method,
    maxCenti: max * 100,
    ...(method === 'deduction' ? { deductionCenti: 50 } : {}),
    evidence,
  })),
}));
