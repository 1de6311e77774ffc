import type { ConvenerKind, MeetingKind, OutcomeKind, Stance } from './meetings.constants.ts';

/** Chinese names the server prints (notices, the record PDF, the public page); the web has its own texts. */
export const MEETING_KIND_ZH: Record<MeetingKind, string> = { joint: '联席会议', three_carriages: '三驾马车会议', red_council: '红色议事会', other: '议事会议' };
export const MEETING_KIND_EN: Record<MeetingKind, string> = { joint: 'Joint meeting', three_carriages: 'Three-carriages meeting', red_council: 'Red council', other: 'Meeting' };
export const CONVENER_KIND_ZH: Record<ConvenerKind, string> = { party_org: '社区党组织', property_committee: '物业管理委员会', owners_committee: '业主委员会', residents_committee: '居民委员会' };
export const STANCE_ZH: Record<Stance, string> = { support: '赞成', oppose: '反对', abstain: '弃权', conditional: '有条件赞成' };
export const OUTCOME_ZH: Record<OutcomeKind, string> = { decided: '协商议定', refer_vote: '提交业主表决', next_meeting: '转下次会议' };
export const OUTCOME_EN: Record<OutcomeKind, string> = { decided: 'Agreed', refer_vote: "Referred to an owners' vote", next_meeting: 'Carried to the next meeting' };
