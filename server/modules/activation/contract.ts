/**
 * What the web may know of the activation module (scripts/check-boundaries.ts holds it): its vocabulary and
 * rules shared with the browser (runtime values, free of server dependencies), and the types of its
 * requests and answers (type-only: erased from the browser's bundle).
 */
export * from './activation.constants.ts';
export type { ApproveClaimBody, ClaimCodeBody, ClaimRoomBody, RejectClaimBody } from './activation.schemas.ts';
export type { getActivationRates } from './use-cases/activation-rates.ts';
export type { claimRoom, lookUpCode } from './use-cases/claim-room.ts';
export type { getMyActivation } from './use-cases/my-activation.ts';
export type { getSlipInfo, printSlips } from './use-cases/print-slips.ts';
export type { getRoomCode } from './use-cases/reissue-code.ts';
export type { getClaimForReview, listClaimsForReview } from './use-cases/review-claims.ts';
export type { pickPlaces, searchRooms } from './use-cases/room-picker.ts';
export type { sendSignUpCode } from './use-cases/send-signup-code.ts';
export type { ResetPasswordBody } from './activation.schemas.ts';
export type { resetPasswordBySms, sendResetCode } from './use-cases/reset-password.ts';
