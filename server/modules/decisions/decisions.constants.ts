/** The decisions module's vocabulary, free of dependencies: the web reads it through contract.ts. */

/**
 * Who may do what: the roles whose grant on a place allows it over the place's subtree. Property company
 * staff appear nowhere: they never see a decision's roll, progress or choices (issue "Decisions 1/4" §7).
 */
export const DECISIONS_ROLES = {
  /** See decisions, the roll and the live progress (no choices). */
  read: ['platform_admin', 'street_official', 'property_committee_member', 'community_secretary', 'committee_staff', 'owners_committee_member'],
  /** Draft a decision, publish and correct its roll, ask to open and close it, publish the result. */
  organise: ['street_official', 'community_secretary', 'committee_staff', 'owners_committee_member'],
  /** The second approver of opening and closing: another person with one of these grants at or above the place. */
  approve: ['street_official', 'community_secretary', 'committee_staff', 'owners_committee_member'],
  /** The per-owner table of choices (表决结果明细表): the owners' committee and the street (and the named scrutineers). */
  seeChoices: ['platform_admin', 'street_official', 'owners_committee_member'],
  /** Draft a new version of the rules of procedure. */
  draftRules: ['street_official', 'committee_staff', 'owners_committee_member'],
  /** Confirm the rules (the owners' committee's chair, recorded by name) and put them in force. */
  confirmRules: ['owners_committee_member'],
  /** 扫楼's tap-to-call: the owner's full phone number, for the organiser's own canvassers (each reveal audited). */
  callOwners: ['community_secretary', 'committee_staff', 'owners_committee_member'],
  /** The street's departments that vet election candidates, and who reviews for each (Decisions 4/4). */
  configureVetting: ['street_official'],
} as const;

/** Civil Code art. 278 ¶1, items (1)–(9). */
export const MATTER_LABELS: Record<number, { 'zh-CN': string; en: string }> = {
  1: { 'zh-CN': '制定和修改业主大会议事规则', en: "Rules of procedure of the owners' assembly" },
  2: { 'zh-CN': '制定和修改管理规约', en: 'The management statute' },
  3: { 'zh-CN': '选举业主委员会或者更换业主委员会成员', en: "Electing or replacing the owners' committee" },
  4: { 'zh-CN': '选聘和解聘物业服务企业或者其他管理人', en: 'Hiring or dismissing the property company or other manager' },
  5: { 'zh-CN': '使用建筑物及其附属设施的维修资金', en: 'Using the maintenance fund' },
  6: { 'zh-CN': '筹集建筑物及其附属设施的维修资金', en: 'Raising the maintenance fund' },
  7: { 'zh-CN': '改建、重建建筑物及其附属设施', en: 'Rebuilding or reconstructing buildings and facilities' },
  8: { 'zh-CN': '改变共有部分的用途或者利用共有部分从事经营活动', en: 'Changing the use of common parts or using them for business' },
  9: { 'zh-CN': '有关共有和共同管理权利的其他重大事项', en: 'Other major matters of common ownership and management' },
};
const CN_NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** The default legal basis of an item: the Civil Code's own words. */
export const matterBasis = (matter: number): string => `《中华人民共和国民法典》第二百七十八条第一款第（${CN_NUMERALS[matter]}）项`;

/** A setting of the rules of procedure, with the clause of the filed rules it comes from. */
export interface Cited<T> {
  value: T;
  clause: string;
}
export interface RulesSettings {
  /** How many days voting stays open. */
  votingDays: Cited<number>;
  /** How many days the organiser may extend it by, once (0: no extension). */
  extensionDays: Cited<number>;
  /** Days between publishing the roll (notice of the vote) and opening it. */
  noticeDays: Cited<number>;
  channels: Cited<{ online: boolean; paper: boolean; proxy: boolean }>;
  /** May an owner change their ballot before the vote closes? */
  revote: Cited<boolean>;
  /** Which ballot counts when one owner voted online and on paper. */
  prevails: Cited<'online' | 'paper'>;
  /** 从众: non-voters counted with the majority. Off unless the filed rules say so, with their clause. */
  followMajority: Cited<boolean>;
  /** How many owners one proxy may represent in one decision. */
  proxyCap: Cited<number>;
  /** The owners' committee an election fills (Decisions 4/4): seats, term, alternates and how a tie at the last seat is settled. */
  committee: Cited<CommitteeRules>;
  /** Elevator retrofit (加装电梯) in one stairwell: its art. 278 matter (thresholds) and what an owner the works affect may do. */
  elevator: Cited<ElevatorRules>;
  /** Which decisions are filed (备案), with whom and within how many days of the result. Elections are always filed. */
  filing: Cited<FilingRules>;
}

/** A tie at the last seat: a drawing of lots recorded with its witnesses, or a run-off vote among the tied. */
export type TieBreak = 'lots' | 'runoff';
export interface CommitteeRules {
  /** Odd, 5–11. */
  seats: number;
  /** At most 5 years. */
  termYears: number;
  /** How many of the next-ranked candidates who also passed become alternates (候补委员). */
  alternates: number;
  tieBreak: TieBreak;
}
/** consent: an affected owner must vote for, or the item fails; compensation: they may object, and the objection is settled by a compensation agreement. */
export type AffectedOwnerRule = 'consent' | 'compensation';
export interface ElevatorRules {
  matter: number;
  affected: AffectedOwnerRule;
}
export const FILING_OFFICES = ['street_office', 'district_housing'] as const;
export type FilingOffice = (typeof FILING_OFFICES)[number];
export interface FilingRules {
  /** Art. 278 matters whose decisions are filed besides elections (matter 3), which always are. */
  matters: number[];
  offices: FilingOffice[];
  /** Days from the published result. */
  days: number;
}
export const COMMITTEE_SEATS_RANGE: [number, number] = [5, 11];
export const COMMITTEE_TERM_MAX = 5;
export const COMMITTEE_ALTERNATES_MAX = 5;
export const FILING_DAYS_RANGE: [number, number] = [1, 90];

/**
 * What applies where no rules of procedure are in force: the Civil Code and the State Council's
 * Regulations on Property Management (物业管理条例 art. 13: notice 15 days before the meeting);
 * Shenzhen's precedent for online over paper; no 从众, which the Civil Code does not know.
 */
export const DEFAULT_RULES: RulesSettings = {
  votingDays: { value: 15, clause: '默认设置（未备案议事规则）' },
  extensionDays: { value: 0, clause: '默认设置：不延期' },
  noticeDays: { value: 15, clause: '《物业管理条例》第十三条' },
  channels: { value: { online: true, paper: true, proxy: true }, clause: '《民法典》第二百七十八条' },
  revote: { value: false, clause: '默认设置：投票后不可更改' },
  prevails: { value: 'online', clause: '默认设置：网络投票优先' },
  followMajority: { value: false, clause: '《民法典》第二百七十八条（未表决不计入）' },
  proxyCap: { value: 3, clause: '默认设置：每位受托人至多代理 3 户' },
  committee: { value: { seats: 5, termYears: 5, alternates: 0, tieBreak: 'runoff' }, clause: '《业主大会和业主委员会指导规则》第三十一条（5至11人单数，任期不超过5年）' },
  elevator: { value: { matter: 7, affected: 'consent' }, clause: '《民法典》第二百七十八条第一款第（七）项' },
  filing: { value: { matters: [], offices: ['street_office', 'district_housing'], days: 30 }, clause: '《业主大会和业主委员会指导规则》第三十五条（选举产生之日起30日内备案）' },
};

export const RULE_KEYS = Object.keys(DEFAULT_RULES) as (keyof RulesSettings)[];

export const TITLE_MAX = 100;
/** An item's documents (plans, quotes, budgets): how many and how large. */
export const ITEM_ATTACHMENTS_MAX = 10;
export const ITEM_ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;
/** The SMS code that confirms a ballot is sent to the voter's own phone (activation's one-time codes). */
export const BALLOT_CODE_PURPOSE = 'ballot';

/** Paper ballot sheets: the code printed under the QR code — 8 characters, no I or O to misread. */
export const SHEET_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const SHEET_CODE_LENGTH = 8;
/** Scans of sheets, powers of attorney, receipts and posting photos: images or PDF, at most this size. */
export const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;
/** Why a paper sheet does not count (proxy_rejected is set by the system when the power of attorney fails). */
export const INVALID_REASONS = ['unsigned', 'double_mark', 'illegible', 'other'] as const;

// ——— owners' committee elections: joint vetting (联审) of candidates (Decisions 4/4) ———
export const VETTING_DEPARTMENT_KINDS = ['party_committee', 'residents_committee', 'police', 'housing', 'market_regulation', 'credit', 'other'] as const;
export const NOMINATIONS = ['self', 'owners', 'party_org', 'residents_committee'] as const;
/** A joint nomination by owners (业主联名推荐) needs at least this many owners. */
export const OWNER_NOMINATORS_MIN = 5;
export const CANDIDATE_STATEMENT_MAX = 2000;
export const VERDICT_NOTE_MAX = 500;
export const VERDICTS = ['approve', 'reject', 'return'] as const;
/** Why a department approves, rejects or returns a candidate: a reject or return needs a code, 'other' also a note. */
export const VETTING_REASONS = {
  approve: ['ok'],
  reject: ['criminal_record', 'credit_default', 'fee_arrears', 'illegal_building', 'not_owner', 'party_discipline', 'other'],
  return: ['materials_missing', 'information_wrong', 'consent_unclear', 'other'],
} as const;
export const VETTING_REASON_LABELS: Record<string, { 'zh-CN': string; en: string }> = {
  ok: { 'zh-CN': '审查通过', en: 'Approved' },
  criminal_record: { 'zh-CN': '有违法犯罪记录', en: 'Criminal record' },
  credit_default: { 'zh-CN': '失信被执行人', en: 'Listed as a judgment defaulter' },
  fee_arrears: { 'zh-CN': '拖欠物业费或专项维修资金', en: 'Arrears of property fees or the maintenance fund' },
  illegal_building: { 'zh-CN': '存在违法搭建、破坏房屋结构等行为', en: 'Illegal building work or damage to the structure' },
  not_owner: { 'zh-CN': '不是本小区业主', en: 'Not an owner in the compound' },
  party_discipline: { 'zh-CN': '受到党纪处分', en: 'Party disciplinary sanction' },
  materials_missing: { 'zh-CN': '材料不全', en: 'Materials missing' },
  information_wrong: { 'zh-CN': '信息有误', en: 'Information wrong' },
  consent_unclear: { 'zh-CN': '审查授权书不清楚', en: 'Consent to vetting unclear' },
  other: { 'zh-CN': '其他', en: 'Other' },
};
export const VETTING_DEPARTMENT_KIND_LABELS: Record<(typeof VETTING_DEPARTMENT_KINDS)[number], { 'zh-CN': string; en: string }> = {
  party_committee: { 'zh-CN': '街道党工委', en: 'Street party working committee' },
  residents_committee: { 'zh-CN': '社区居委会', en: "Residents' committee" },
  police: { 'zh-CN': '派出所', en: 'Police station' },
  housing: { 'zh-CN': '房管所', en: 'Housing office' },
  market_regulation: { 'zh-CN': '市场监管所', en: 'Market regulation office' },
  credit: { 'zh-CN': '法院/信用', en: 'Court / credit' },
  other: { 'zh-CN': '其他部门', en: 'Other department' },
};
