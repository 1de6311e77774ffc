import type { Kysely } from 'kysely';
import type { Kernel } from './kernel/context.ts';
import type { KernelTables } from './kernel/db/tables.ts';
import { buildServer } from './kernel/http/server.ts';
import { kernelModule } from './kernel/kernel.module.ts';
import type { Module } from './kernel/module.ts';
import { registryModule, type RegistryTables } from './modules/registry/index.ts';
import { repairsModule, type RepairsTables } from './modules/repairs/index.ts';
import { opinionsModule, type OpinionsTables } from './modules/opinions/index.ts';
import { noticesModule, type NoticesTables } from './modules/notices/index.ts';
import { activationModule, type ActivationTables } from './modules/activation/index.ts';
import { decisionsModule, type DecisionsTables } from './modules/decisions/index.ts';
import { deliberationModule, type DeliberationTables } from './modules/deliberation/index.ts';
import { surveysModule, type SurveysTables } from './modules/surveys/index.ts';
import { feesModule, type FeesTables } from './modules/fees/index.ts';
import { supervisionModule, type SupervisionTables } from './modules/supervision/index.ts';
import { partyModule, type PartyTables } from './modules/party/index.ts';
import { volunteersModule, type VolunteersTables } from './modules/volunteers/index.ts';
import { gridModule, type GridTables } from './modules/grid/index.ts';
import { devicesModule, type DevicesTables } from './modules/devices/index.ts';
import { dashboardsModule, type DashboardsTables } from './modules/dashboards/index.ts';

/** Every module of Gongzhi, in the order their routes are registered. */
export const MODULES: Module[] = [kernelModule, registryModule, repairsModule, opinionsModule, noticesModule, activationModule, decisionsModule, surveysModule, deliberationModule, feesModule, supervisionModule, partyModule, volunteersModule, gridModule, devicesModule, dashboardsModule];

/**
 * The whole database: every module's tables. Module code never sees it (each sees the kernel's tables and
 * its own, kernel/module-database.ts); code above the modules may: tests' assertions, benches, the CLI.
 */
export type AppTables = KernelTables & RegistryTables & RepairsTables & OpinionsTables & NoticesTables & ActivationTables & DecisionsTables & DeliberationTables & SurveysTables & FeesTables & SupervisionTables & PartyTables & VolunteersTables & GridTables & DevicesTables & DashboardsTables;
export const appDb = (from: Pick<Kernel, 'db'>) => from.db as unknown as Kysely<AppTables>;

/**
 * The only routes exempt from the audit rule that kernel/audit/audit-guard.ts holds every other write
 * route to, in the tests and the e2e server (a success leaves an entry, a refusal none). Each says why.
 */
export const WRITES_WITHOUT_AUDIT: Record<string, string> = {
  'POST /api/auth/login':
    'sign-in bookkeeping: a success opens a session and changes no one\'s data; a failure is refused yet recorded, as a security event (auth.login_failed)',
  'POST /api/auth/logout': "sign-in bookkeeping: ends the caller's own session; no one's data changes",
  'POST /api/activation/otp':
    'the code and its record commit before the text goes to the gateway; a gateway failure answers 502 after removing the code, and records that too',
  'POST /api/activation/signup': 'a wrong code counts against the code in a transaction of its own, recorded though the request is refused (it must stick)',
  'POST /api/activation/password-reset/otp': 'as POST /api/activation/otp: the code is recorded before the text goes out, and a failed send records that too',
  'POST /api/activation/password-reset': 'as POST /api/activation/signup: a wrong code counts against the code in a transaction of its own (it must stick)',
  'POST /api/activation/claims/by-code':
    'an unknown code counts as a failed claim, recorded (activation.code_unknown) though the request is refused, so codes cannot be guessed faster than the claim limit',
  'POST /api/me/decisions/:id/opened':
    "an owner's delivery receipt: the row is itself the record (who, which decision, when), one per owner and roll entry",
  'POST /api/me/decisions/:id/ballot-code':
    'the code and its record (activation.otp_sent) commit before the text goes to the gateway; a gateway failure removes the code and records that too',
  'POST /api/me/decisions/:id/ballot':
    "a wrong SMS code counts against the code in a transaction of its own (activation.otp_failed), recorded though the ballot is refused; a cast ballot's record is its link in the decision's hash chain (decisions' audit stand-in)",
  'POST /api/notify/inbox/:id/read': "a person's own message marked read: the message row records when; nobody else's data changes",
  'POST /api/notify/inbox/read-all': "a person's own messages marked read: the message rows record when; nobody else's data changes",
  'POST /api/deliberation/meetings/:id/sign-in':
    'a repeated sign-in answers as the first did and writes nothing; the first records its audit entry (deliberation.meeting.signed_in)',
  'POST /api/deliberation/meetings/:id/attendees/:attendeeId/sign-in':
    'as the QR sign-in: signing in an attendee already signed in writes nothing; the first records deliberation.meeting.signed_in',
  'POST /api/me/party/activities/sign-in':
    "a repeated sign-in answers as the first did and writes nothing; the first records its audit entry (party.activities.signed_in)",
  'POST /api/notices/:id/read': "a resident's read receipt: the receipt row is itself the record (who, which notice, when), one per resident and notice",
  'POST /api/registry/imports/:id/dry-run': 'task progress: answers 202 at once; the background task records the analysis (registry.import.analysed)',
  'POST /api/registry/imports/:id/commit':
    'task progress: answers 202 at once; the background task writes the rows and their audit entry (registry.import.committed) in one transaction',
  'POST /api/fees/gateway/:provider/notify':
    "a payment provider's notification: a refused one (forged signature, unknown order) is recorded on purpose — its fee_gateway_events row and a placeless fees.gateway.refused entry commit before the refusal; an accepted one is audited as booked, duplicate, stale, flagged or a refund confirmed",
  'POST /api/fees/sandbox/orders/:orderNo/pay':
    "the sandbox stands in for an outside payment provider: its cashier writes only the sandbox's own tables, as the provider's servers would; the platform books and audits the payment when the signed notification arrives",
  'POST /api/fees/sandbox/orders/:orderNo/cancel': "the sandbox provider's cashier: an unpaid order cancelled at the provider, in the sandbox's own tables; the platform's records do not change",
  'POST /api/device/v1/events':
    "a device's signed event: the event row is itself the record (which device, its signed nonce, when); a refused request writes nothing; staff reads of movement records are audited",
  // volunteers, activities part:
  'POST /api/me/volunteers/activities/check-in':
    'a repeated sign-in or sign-out answers as the first did and writes nothing; the first records its audit entry (volunteers.activities.signed_in / signed_out)',
};

export const buildApp = (kernel: Kernel, opts: { logger?: boolean } = {}) => buildServer(kernel, MODULES, { ...opts, writesWithoutAudit: WRITES_WITHOUT_AUDIT });
