/** What the web may know of the mediation part (re-exported by contract.ts): its vocabulary and plain types. */
export * from './grid.mediation.constants.ts';
export type { CommitteeView, MediatorView } from './use-cases/mediation-committees.ts';
export type { MediationCaseRow } from './use-cases/mediation-cases-list.ts';
export type { MediationCaseView, PartyView } from './use-cases/mediation-cases-get.ts';
export type { MyMediation } from './use-cases/mediation-mine.ts';
export type { MediationPlace } from './use-cases/mediation-places.ts';
export type { ArrearsForMediation } from './use-cases/mediation-arrears-list.ts';
