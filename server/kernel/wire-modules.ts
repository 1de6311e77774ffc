import { registerApprovalHandler } from './approvals/approvals.ts';
import { useFigures } from './figures/figures.ts';
import { useWatchlist } from './figures/watchlist.ts';
import type { Module } from './module.ts';
import { registerNotifications } from './notify/notify.ts';
import { declarePayoutKind } from './payouts/payouts.ts';
import { registerPublicPage } from './public/public-pages.ts';
import { registerPersonalData } from './privacy/personal-data.ts';

/**
 * Hands the kernel's services what the modules declare in their manifests: approval handlers, notification
 * templates and audiences, figures, watch sources, payout kinds, public pages. Called before anything uses them — by the
 * HTTP server as it starts, and by the demo seed, which runs before the server on a first start. Calling
 * it again with the same modules changes nothing; a clashing key stops the start.
 */
export function wireModules(modules: readonly Module[]): void {
  useFigures(modules);
  useWatchlist(modules);
  for (const m of modules) {
    for (const h of m.approvals ?? []) registerApprovalHandler(h);
    if (m.notifications) registerNotifications(m.name, m.notifications);
    for (const k of m.payouts ?? []) declarePayoutKind(k);
    for (const p of m.publicPages ?? []) registerPublicPage(p);
    if (m.personalData) registerPersonalData(m.name, m.personalData);
  }
}
