/** The lists part's vocabulary (红黑榜, appeals, measures), free of dependencies: the web reads it through contract.ts. */
import { CREDIT_GRADES, type CreditGrade } from './supervision.credit.constants.ts';

/**
 * The credit grades from best to worst, as the credit part rates companies (supervision.credit.constants.ts). The rules name a threshold on this order: the red list takes the grades
 * at or above `redFrom`, the black list those at or below `blackFrom`.
 */
export const LIST_GRADES = CREDIT_GRADES;
export type ListGrade = CreditGrade;

export const LIST_KINDS = ['red', 'black'] as const;
export type ListKind = (typeof LIST_KINDS)[number];

/**
 * The measures a street's rules may provide for black-listed companies; each has its own record: an interview
 * (约谈: the day, who attended, a note), more inspections (增加检查频次: how many extra, in which quarter) and a
 * rectification plan (限期整改方案: the company uploads its plan by a due day).
 */
export const MEASURE_KINDS = ['interview', 'more_inspections', 'rectification_plan'] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

export const APPEAL_STATUSES = ['pending', 'upheld', 'rejected'] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];
export const APPEAL_DECISIONS = ['upheld', 'rejected'] as const;
export type AppealDecision = (typeof APPEAL_DECISIONS)[number];

export interface ListMeasureRule {
  kind: MeasureKind;
  basis: string;
}

export interface ListRules {
  /** The worst grade still on the red list (AA: AAA and AA are red). */
  redFrom: ListGrade;
  redBasis: string;
  /** The best grade already on the black list (B: B and C are black). */
  blackFrom: ListGrade;
  blackBasis: string;
  /** China calendar days after the publication day to appeal a black entry (the last day ends 23:59:59). */
  appealDays: number;
  /** The measures the rules provide for black-listed companies, each with the clause it stands on. */
  measures: ListMeasureRule[];
}

/** The rules a street has until it saves its own: the Yantai-style defaults (issue 21). */
export const DEFAULT_LIST_RULES: ListRules = {
  redFrom: 'AA',
  redBasis: '《物业服务企业信用评价办法》第十八条：信用等级为AA级及以上的物业服务企业列入红榜，予以通报表扬。',
  blackFrom: 'B',
  blackBasis: '《物业服务企业信用评价办法》第十九条：信用等级为B级及以下的物业服务企业列入黑榜，并依第二十条采取相应措施。',
  appealDays: 10,
  measures: [
    { kind: 'interview', basis: '《物业服务企业信用评价办法》第二十条第一项：对列入黑榜的企业主要负责人进行约谈。' },
    { kind: 'more_inspections', basis: '《物业服务企业信用评价办法》第二十条第二项：增加日常检查频次。' },
    { kind: 'rectification_plan', basis: '《物业服务企业信用评价办法》第二十条第三项：责令限期提交整改方案并落实。' },
  ],
};

export const BASIS_MAX = 500;
export const APPEAL_DAYS_MAX = 60;
export const LIST_TEXT_MAX = 2000;
export const LIST_MAX_FILES = 9;
export const LIST_MAX_FILE_BYTES = 10 * 1024 * 1024;
export const EXTRA_INSPECTIONS_MAX = 20;

/** Whether a grade is on the red list under the rules (at or above `redFrom`). */
export const isRed = (grade: string, rules: Pick<ListRules, 'redFrom'>) => gradeRank(grade) >= 0 && gradeRank(grade) <= gradeRank(rules.redFrom);
/** Whether a grade is on the black list under the rules (at or below `blackFrom`). */
export const isBlack = (grade: string, rules: Pick<ListRules, 'blackFrom'>) => gradeRank(grade) >= gradeRank(rules.blackFrom);
/** 0 for the best grade; -1 for none of ours. */
export const gradeRank = (grade: string) => (LIST_GRADES as readonly string[]).indexOf(grade);
