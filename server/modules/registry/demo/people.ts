import type { Rng } from '../../../kernel/demo-seed.ts';
import { withIdChecksum } from '../../../kernel/pii/pii.ts';

/** What the demo street's people are made of: names by generation, phones, ID numbers' districts. */

// Common surnames with rough relative frequencies (per mille of the population), as `name:weight`.
export const SURNAMES: [string, number][] = [
  '王:71 李:70 张:67 刘:54 陈:45 杨:31 黄:21 赵:19 吴:18 周:17 徐:13 孙:13 马:12 朱:11 胡:11 郭:10 何:9 高:9 林:9 罗:8 郑:8 ',
  '梁:7 谢:6 宋:6 唐:6 许:5 韩:5 冯:5 邓:5 曹:5 彭:4 曾:4 肖:4 田:4 董:4 袁:4 潘:3 于:3 蒋:3 蔡:3 余:3 杜:3 叶:3 程:3 苏:3 魏:3 ',
  '吕:3 丁:3 任:3 沈:3 姚:2 卢:2 姜:2 崔:2 钟:2 谭:2 陆:2 汪:2 范:2 金:2 石:2 廖:2 贾:2 夏:2 付:2 方:2 白:2 邹:2 孟:2 熊:2 秦:2 ',
  '邱:2 江:2 尹:2 薛:2 闫:2 段:2 雷:2 侯:2 龙:1 史:1 陶:1 黎:1 贺:1 顾:1 毛:1 郝:1 龚:1 邵:1 万:1 钱:1 严:1 武:1 戴:1 孔:1 欧阳:1',
]
  .join('')
  .split(' ')
  .map((pair): [string, number] => {
    const [name, weight] = pair.split(':');
    return [name!, Number(weight)];
  });
const SURNAME_TOTAL = SURNAMES.reduce((s, [, w]) => s + w, 0);

// Given names follow the fashions of each generation.
const words = (text: string) => text.split(' ');
export const GIVEN: Record<'old' | 'mid' | 'young' | 'kid', Record<'m' | 'f', string[]>> = {
  old: {
    m: words('建国 建华 国强 志明 德明 振华 永胜 国庆 福生 长海 宝山 树林 玉明 保国 建军 卫东 金生 广才 德顺 庆丰 志刚 光明 文华 春生'),
    f: words('秀英 桂英 玉兰 秀兰 凤英 淑珍 玉珍 桂兰 秀珍 淑英 秀芳 凤兰 玉梅 桂芝 素芬 淑华 丽华 美兰 秀云 桂香'),
  },
  mid: {
    m: words('伟 强 磊 军 勇 杰 涛 斌 刚 辉 明 鹏 华 峰 波 建平 海涛 志勇 晓东 立新 永强 文斌 卫国 建伟 国栋 红军 振宇'),
    f: words('芳 娜 敏 静 丽 艳 娟 霞 燕 红 玲 萍 丽娟 晓燕 红梅 海燕 春梅 雪梅 丽萍 晓红 桂芳 淑敏 海霞 慧'),
  },
  young: {
    m: words('浩 宇 鑫 博 超 帅 晨 阳 凯 俊杰 子豪 浩然 宇航 志远 天宇 思远 一鸣 家豪 明轩 子健 文博 明远 嘉伟'),
    f: words('婷 雪 倩 琳 颖 佳 悦 欣 瑶 佳怡 欣怡 思琪 雨欣 梦瑶 诗涵 婉清 晓雯 心怡 紫涵 雅琪 梦婷'),
  },
  kid: {
    m: words('子轩 梓睿 浩宇 宇轩 一诺 沐宸 奕辰 子墨 俊熙 睿泽 铭轩 宸逸 梓豪 锦程 嘉懿 思源'),
    f: words('梓涵 雨桐 欣妍 可馨 诗琪 梓萱 若汐 语桐 沐晴 芷若 依诺 思彤 雨萱 安琪 一涵'),
  },
};

export const generationOf = (born: number) => (born < 1960 ? 'old' : born < 1985 ? 'mid' : born < 2005 ? 'young' : 'kid');

// The street's own district codes, and a few from elsewhere for tenants and newcomers.
const LOCAL_REGIONS = ['130102', '130104', '130105', '130108'];
const OTHER_REGIONS = ['410522', '370829', '340421', '130622', '131023', '420117', '510722', '230103'];
// 138 is left out on purpose: the two demo resident logins are 13800000001 and 13800000002, and no
// generated person may share their numbers.
const MOBILE_PREFIXES = words(
  '139 135 136 137 150 151 152 158 159 182 183 187 188 130 131 132 155 156 185 186 133 153 180 181 189 177 199',
);

export type Tag = 'party_member' | 'low_income' | 'extreme_hardship' | 'elderly' | 'disabled' | 'volunteer';
export type Gender = 'm' | 'f';

/** Surnames (by their frequency), phones and ID numbers drawn from `rng`; no ID number is given twice. */
export function identities(rng: Rng) {
  const usedIdNumbers = new Set<string>();
  const surname = () => {
    let r = rng.next() * SURNAME_TOTAL;
    for (const [s, w] of SURNAMES) {
      r -= w;
      if (r < 0) return s;
    }
    return '王';
  };
  const phone = () => `${rng.pick(MOBILE_PREFIXES)}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
  const idNumber = (born: number, gender: Gender, local: boolean) => {
    for (;;) {
      const region = rng.pick(local ? LOCAL_REGIONS : OTHER_REGIONS);
      const date = `${born}${String(rng.int(1, 12)).padStart(2, '0')}${String(rng.int(1, 28)).padStart(2, '0')}`;
      // The 17th digit is odd for men and even for women (GB 11643).
      const seq = `${String(rng.int(0, 99)).padStart(2, '0')}${rng.int(0, 4) * 2 + (gender === 'm' ? 1 : 0)}`;
      const id = withIdChecksum(`${region}${date}${seq}`);
      if (!usedIdNumbers.has(id)) {
        usedIdNumbers.add(id);
        return id;
      }
    }
  };
  return { usedIdNumbers, surname, phone, idNumber };
}

/** A unified social credit code (统一社会信用代码, GB 32100) with a valid check character. */
export function creditCode(rng: Rng, prefix: string): string {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  let body = `${prefix}${rng.pick(LOCAL_REGIONS)}`;
  while (body.length < 17) body += chars[rng.int(0, 30)];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += chars.indexOf(body[i]!) * weights[i]!;
  return body + chars[(31 - (sum % 31)) % 31];
}
