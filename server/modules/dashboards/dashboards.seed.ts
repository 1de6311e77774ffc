import type { Kernel } from '../../kernel/context.ts';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { periodOf, previousPeriod } from '../../kernel/figures/figures.ts';
import { read } from './dashboards.db.ts';
import { buildMonthlyReports } from './use-cases/report-store.ts';

/**
 * The dashboards' part of the demo: last month's dispatch report of every street and community (and region, where
 * the demo has one), built by the monthly job's own use case over the figures' history. The kernel seeds that
 * history last (server/demo/seed-demo.ts), after every module's hook: so the module's hook finds no snapshot and does
 * nothing, and seed-demo.ts calls this again right after the history. A no-op once the reports exist (the job's own
 * rule: a place with last month's report is skipped).
 */
export async function seedDispatchReports(kernel: Kernel, demo?: DemoSeedContext): Promise<{ period: string; built: number }> {
  const period = previousPeriod(periodOf(kernel.clock.now()));
  const held = await read(kernel).selectFrom('figure_snapshots').select('place_id').where('period', '=', period).limit(1).executeTakeFirst();
  if (!held) return { period, built: 0 };
  const done = await buildMonthlyReports(kernel, 'demo');
  if (done.built) {
    demo?.notes.push(
      `驾驶舱：street 在 /dashboards 看各项指标（本月、上月、去年同月），点排名下钻到社区、小区直至逐条明细；/dashboards/reports 有 ${period} 的月度调度通报（Excel、PDF），此后每月1日自动生成。`,
    );
  }
  return done;
}
