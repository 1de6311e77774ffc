import type { FastifyInstance, FastifyBaseLogger, RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Ctx, Kernel } from './context.ts';
import type { ApprovalHandler } from './approvals/approvals.ts';
import type { Job } from './jobs/jobs.ts';
import type { PayoutKind } from './payouts/payouts.ts';
import type { ChainProblem } from './audit/audit.ts';
import type { Executor } from './db/index.ts';
import type { DemoSeedContext } from './demo-seed.ts';
import type { NotificationsDeclaration } from './notify/notify.ts';
import type { FigureDefinition } from './figures/figures.ts';
import type { WatchSource } from './figures/watchlist.ts';
import type { PublicPage } from './public/public-pages.ts';
import type { PersonalDataSource } from './privacy/personal-data.ts';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/**
 * Something waiting for the signed-in official, on the workbench's home: how many, and the list (a
 * workbench path with the list's filters) that shows exactly those. `key` names its text in the web
 * (`home.todo.<key>` in the module's texts).
 */
export interface StaffToDo {
  key: string;
  count: number;
  link: string;
}
/** A key figure of the official's places on the workbench's home (`home.figure.<key>`). */
export interface StaffFigure {
  key: string;
  value: number;
  link?: string;
}
export interface StaffHomeSlice {
  todos?: StaffToDo[];
  figures?: StaffFigure[];
}

/**
 * Records that stand for their own audit entries: a high-volume write (ballots, device events) whose
 * rows keep a hash chain of their own, like the audit log's, instead of one audit entry each. Its
 * routes need no audit_log entry (audit/audit-guard.ts); `verify` walks its chain and runs with
 * `gongzhi audit verify`.
 */
export interface AuditStandIn {
  /** What the chain holds, for the verify report ("ballots"). */
  name: string;
  /** The routes (`POST /api/…`, as registered) whose writes the chain records. */
  routes: string[];
  verify: (db: Executor) => Promise<{ ok: boolean; entries: number; problems: ChainProblem[] }>;
}

/** A module's manifest: its only public face to the rest of the process. */
export interface Module {
  name: string;
  routes?: (app: App, kernel: Kernel) => void | Promise<void>;
  approvals?: ApprovalHandler[];
  /**
   * What the module says to people (templates in zh-CN/en for the inbox, SMS and WeChat) and the groups
   * of people it can find at a place for other modules (audiences): kernel/notify/notify.ts.
   */
  notifications?: NotificationsDeclaration;
  /** Payout kinds (kernel/payouts): statements per payee and period, computed from the module's records. */
  payouts?: PayoutKind[];
  /** Background jobs, started by main.ts (tests call `run` directly). */
  jobs?: Job[];
  /**
   * What the module shows on the resident's home page: its slice of `GET /api/me/home`, which
   * answers everything the H5 home shows in one request (keys must not collide across modules).
   */
  residentHome?: (ctx: Ctx) => Promise<object>;
  /**
   * What the module puts on the workbench's home (GET /api/me/workbench) for this official: to-dos
   * counted by the same use cases as the lists they open (so the count is the list's total), and key
   * figures. Only what the actor's roles can act on.
   */
  staffHome?: (ctx: Ctx) => Promise<StaffHomeSlice>;
  /**
   * Settles work a crash left half-done (an import left `committing`), called at every start. Settle
   * only work whose process is gone (`ownerGone` in kernel/db/liveness.ts): on a shared server, other
   * live processes may be running the rest.
   */
  recover?: (kernel: Kernel) => Promise<void>;
  auditStandIns?: AuditStandIn[];
  /**
   * The figures officials watch that the module counts (kernel/figures): kept per place and month by
   * the month-end job, read by /api/figures. Keys are '<module>.<name>', unique across the app.
   */
  figures?: FigureDefinition[];
  /**
   * The work still open past its time that the monthly dispatch lists per place (kernel/figures/watchlist.ts):
   * open rectification notices, overdue orders, events, cases. Keys are '<module>.<name>'.
   */
  watchlist?: WatchSource[];
  /**
   * The module's part of the demo (kernel/demo-seed.ts), seeded into an empty database in the order of
   * the module list, the registry first. What it needs of earlier modules comes through `demo` (the
   * logins, parts they handed on) or their exported functions; what later modules need of it, it hands
   * on with `demo.put`. Same content every run: draws come from `demo.random`, times count back from
   * `demo.now`. A no-op when its records exist already or what it builds on is missing. What it answers
   * (what it added, say) is for its own tests; the walk ignores it.
   */
  demo?: { seed: (kernel: Kernel, demo: DemoSeedContext) => Promise<unknown> };
  /** Pages anyone may open without signing in, at /h5/p/<key>/<id> with a PDF and a QR code (kernel/public/public-pages.ts). */
  publicPages?: PublicPage[];
  /** What the module holds about the signed-in person, for "my data" and "who looked" (kernel/privacy/personal-data.ts). */
  personalData?: PersonalDataSource;
}
