import { z } from 'zod';
import type { Kernel } from '../../kernel/context.ts';
import { SESSION_COOKIE, sessionCookieOptions } from '../../kernel/auth/sessions.ts';
import { ctxOf } from '../../kernel/http/server.ts';
import type { App } from '../../kernel/module.ts';
import {
  ApproveClaimBody,
  ClaimCodeBody,
  ClaimRoomBody,
  ClaimsQuery,
  CodeParams,
  IdParams,
  PickerQuery,
  RatesQuery,
  RejectClaimBody,
  RoomSearchQuery,
  ResetPasswordBody,
  SendOtpBody,
  SendResetCodeBody,
  SignUpBody,
} from './activation.schemas.ts';
import { resetPasswordBySms, sendResetCode } from './use-cases/reset-password.ts';
import { getActivationRates } from './use-cases/activation-rates.ts';
import { claimByCode, claimRoom, lookUpCode } from './use-cases/claim-room.ts';
import { getMyActivation } from './use-cases/my-activation.ts';
import { getRoomCode, reissueRoomCode } from './use-cases/reissue-code.ts';
import { getSlipInfo, getSlipsFile, printSlips } from './use-cases/print-slips.ts';
import { approveClaim, getClaimForReview, listClaimsForReview, rejectClaim } from './use-cases/review-claims.ts';
import { pickPlaces, searchRooms } from './use-cases/room-picker.ts';
import { sendSignUpCode } from './use-cases/send-signup-code.ts';
import { signUp } from './use-cases/sign-up.ts';

/** Thin routes: validate (zod) → use case (authorizes, writes, audits) → JSON. */
export function activationRoutes(app: App, kernel: Kernel) {
  const ctx = (req: Parameters<typeof ctxOf>[1]) => ctxOf(kernel, req);
  const tags = ['activation'];
  // Sign-up is public: besides the per-phone limits in the use cases, a per-address limit.
  const publicLimited = { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } };

  app.post(
    '/api/activation/otp',
    { config: publicLimited, schema: { tags, summary: 'Send a sign-up code by SMS (1 a minute, 10 a day per phone)', body: SendOtpBody } },
    async (req) => sendSignUpCode(kernel, req.body.phone, { requestId: req.id }),
  );
  app.post(
    '/api/activation/signup',
    { config: publicLimited, schema: { tags, summary: 'Sign up with phone, code and password; starts a session', body: SignUpBody } },
    async (req, reply) => {
      const session = await signUp(kernel, req.body, { ip: req.ip, userAgent: req.headers['user-agent'], requestId: req.id });
      reply.setCookie(SESSION_COOKIE, session.token, sessionCookieOptions(kernel.config.secureCookies));
      return reply.code(201).send({ csrfToken: session.csrfToken, accountId: session.accountId });
    },
  );

  // Forgot password (residents; staff ask an administrator): as public and as limited as sign-up.
  app.post(
    '/api/activation/password-reset/otp',
    { config: publicLimited, schema: { tags, summary: 'Send a password reset code by SMS (1 a minute, 10 a day per phone)', body: SendResetCodeBody } },
    async (req) => sendResetCode(kernel, req.body.phone, { requestId: req.id }),
  );
  app.post(
    '/api/activation/password-reset',
    { config: publicLimited, schema: { tags, summary: 'Set a new password with a reset code; ends every session of the account', body: ResetPasswordBody } },
    async (req) => resetPasswordBySms(kernel, req.body, { requestId: req.id }),
  );

  // The claimant
  app.get('/api/activation/me', { schema: { tags, summary: 'Am I activated; my claims and their status' } }, async (req) => getMyActivation(ctx(req)));
  app.get('/api/activation/places', { schema: { tags, summary: 'Room picker: compounds by name, or the buildings/units/rooms below one', querystring: PickerQuery } }, async (req) =>
    pickPlaces(ctx(req), req.query),
  );
  app.get('/api/activation/rooms', { schema: { tags, summary: 'Room picker: a room typed as "1栋1单元1201" or "1-1-1201"', querystring: RoomSearchQuery } }, async (req) =>
    searchRooms(ctx(req), req.query),
  );
  app.get('/api/activation/codes/:code', { schema: { tags, summary: 'The room an activation code names (an unknown code counts as a failed claim)', params: CodeParams } }, async (req) =>
    lookUpCode(ctx(req), req.params.code),
  );
  app.post(
    '/api/activation/claims',
    { schema: { tags, summary: 'Claim a room by name and ID digits: 200 activated, 202 waiting for review', body: ClaimRoomBody } },
    async (req, reply) => {
      const result = await claimRoom(ctx(req), req.body);
      return reply.code(result.status === 'activated' ? 200 : 202).send(result);
    },
  );
  app.post(
    '/api/activation/claims/by-code',
    { schema: { tags, summary: "Claim the room of a household's activation code: 200 activated, 202 waiting for review", body: ClaimCodeBody } },
    async (req, reply) => {
      const result = await claimByCode(ctx(req), req.body);
      return reply.code(result.status === 'activated' ? 200 : 202).send(result);
    },
  );

  // The residents' committee
  app.get('/api/activation/claims', { schema: { tags, summary: 'Review queue: claims in my scope', querystring: ClaimsQuery } }, async (req) =>
    listClaimsForReview(ctx(req), req.query),
  );
  app.get('/api/activation/claims/:id', { schema: { tags, summary: "A claim with the room's current members", params: IdParams } }, async (req) =>
    getClaimForReview(ctx(req), req.params.id),
  );
  app.post('/api/activation/claims/:id/approve', { schema: { tags, summary: 'Approve: link the claimant to a member of the room', params: IdParams, body: ApproveClaimBody } }, async (req) =>
    approveClaim(ctx(req), req.params.id, req.body),
  );
  app.post('/api/activation/claims/:id/reject', { schema: { tags, summary: 'Reject with a reason the claimant reads', params: IdParams, body: RejectClaimBody } }, async (req) =>
    rejectClaim(ctx(req), req.params.id, req.body),
  );

  // Officials
  app.get('/api/activation/rates', { schema: { tags, summary: 'Activation rate per child place (activated households / households)', querystring: RatesQuery } }, async (req) =>
    getActivationRates(ctx(req), req.query.placeId),
  );
  app.get('/api/activation/buildings/:id/slips', { schema: { tags, summary: "A building's households and whether I may print its slips", params: IdParams } }, async (req) =>
    getSlipInfo(ctx(req), req.params.id),
  );
  app.post('/api/activation/buildings/:id/slips', { schema: { tags, summary: "Print a building's activation slips (PDF, background task): 202 with the task id", params: IdParams } }, async (req, reply) => {
    const baseUrl = kernel.config.publicUrl ?? `${req.protocol}://${req.host}`;
    return reply.code(202).send(await printSlips(ctx(req), req.params.id, baseUrl));
  });
  app.get('/api/activation/rooms/:id/code', { schema: { tags, summary: "A room's activation code (for those who print slips) and whether I may reissue it", params: IdParams } }, async (req) =>
    getRoomCode(ctx(req), req.params.id),
  );
  app.post('/api/activation/rooms/:id/code', { schema: { tags, summary: 'Reissue a room’s activation code: the old one stops working', params: IdParams } }, async (req) =>
    reissueRoomCode(ctx(req), req.params.id),
  );
  app.get('/api/activation/slips/:id', { schema: { tags, summary: 'The PDF of a finished slips task', params: IdParams, produces: ['application/pdf'], response: { 200: z.any() } } }, async (req, reply) => {
    const file = await getSlipsFile(ctx(req), req.params.id);
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="activation-slips.pdf"; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
      .header('cache-control', 'private, no-store')
      .send(file.content);
  });
}
