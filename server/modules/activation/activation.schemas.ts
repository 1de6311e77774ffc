import { z } from 'zod';
import { PageQuery, sortable } from '../../kernel/pagination.ts';
import { normalise } from '../../kernel/pii/pii.ts';
import { CLAIM_STATUSES, CODE_RE, ID_LAST4_RE, MOBILE_RE, OTP_RE, normaliseCode } from './activation.constants.ts';

export * from './activation.constants.ts';

/**
 * Request schemas of activation, shared with the web client. Bodies are strict: a claim that
 * carries a `relation` (or anything else unknown) is refused, so nobody can ask to become an owner.
 */

const Id = z.uuid();
export const IdParams = z.object({ id: Id });

/** Full-width digits and spaces forgiven: "１３８ 0000 0001" → 13800000001. */
export const Mobile = z
  .string()
  .transform((v) => normalise(v))
  .refine((v) => MOBILE_RE.test(v), { message: '请输入 11 位手机号 / an 11-digit mobile number' });

const PersonName = z.string().trim().min(1).max(50);
const IdLast4 = z
  .string()
  .transform((v) => normalise(v))
  .refine((v) => ID_LAST4_RE.test(v), { message: '身份证号后四位 / the last four characters of the ID number' });
export const ActivationCode = z
  .string()
  .max(20)
  .transform((v) => normaliseCode(v))
  .refine((v) => CODE_RE.test(v), { message: '8 位激活码 / an 8-character activation code' });

export const SendOtpBody = z.strictObject({ phone: Mobile });
export type SendOtpBody = z.input<typeof SendOtpBody>;

export const SignUpBody = z.strictObject({
  phone: Mobile,
  code: z.string().trim().regex(OTP_RE, '6 位数字验证码 / a 6-digit code'),
  // Strength is checked in the use case, to answer with PASSWORD_WEAK rather than a bare 400.
  password: z.string().min(1).max(200),
  // The privacy notice the person agreed to on the form (its version), and whether also to the use of their
  // ID number (PIPL art. 29): recorded with the account. Without it, the H5 asks after signing in.
  privacy: z.strictObject({ version: z.string().min(1).max(40), sensitive: z.boolean() }).optional(),
});
export type SignUpBody = z.input<typeof SignUpBody>;

/** Forgot password: a code for the phone, then the phone, the code and the new password. */
export const SendResetCodeBody = z.strictObject({ phone: Mobile });
export type SendResetCodeBody = z.input<typeof SendResetCodeBody>;
export const ResetPasswordBody = z.strictObject({
  phone: Mobile,
  code: z.string().trim().regex(OTP_RE, '6 位数字验证码 / a 6-digit code'),
  // Strength is checked in the use case, to answer with PASSWORD_WEAK rather than a bare 400.
  password: z.string().min(1).max(200),
});
export type ResetPasswordBody = z.input<typeof ResetPasswordBody>;

export const ClaimRoomBody = z.strictObject({ roomId: Id, name: PersonName, idLast4: IdLast4 });
export type ClaimRoomBody = z.input<typeof ClaimRoomBody>;

export const ClaimCodeBody = z.strictObject({ code: ActivationCode, name: PersonName, idLast4: IdLast4 });
export type ClaimCodeBody = z.input<typeof ClaimCodeBody>;

export const CodeParams = z.object({ code: ActivationCode });

export const PickerQuery = z.object({
  parentId: Id.optional(),
  q: z.string().trim().max(50).optional(),
});
export const RoomSearchQuery = z.object({
  compoundId: Id,
  q: z.string().trim().min(1).max(50),
});

/** The review queue: newest first by default; by room: in the tree's order. */
export const ClaimsSort = sortable(
  { createdAt: 'c.created_at', roomLabel: 'room.path', claimedName: 'c.claimed_name', method: 'c.method', status: 'c.status' },
  { sort: 'createdAt', order: 'desc' },
  'c.id',
);
export const ClaimsQuery = PageQuery.extend({
  status: z.enum(CLAIM_STATUSES).optional(),
  placeId: Id.optional(),
  ...ClaimsSort.query,
});
export type ClaimsQuery = z.infer<typeof ClaimsQuery>;

export const ApproveClaimBody = z.strictObject({ personId: Id.optional(), note: z.string().trim().max(500).optional() });
export type ApproveClaimBody = z.input<typeof ApproveClaimBody>;
export const RejectClaimBody = z.strictObject({ reason: z.string().trim().min(1).max(500) });
export type RejectClaimBody = z.input<typeof RejectClaimBody>;

export const RatesQuery = z.object({ placeId: Id.optional() });
