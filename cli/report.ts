import { writeFileSync } from 'node:fs';
import { MODULES } from '../server/app.ts';
import { SYSTEM_ACTOR } from '../server/kernel/access/index.ts';
import { bootKernel } from '../server/kernel/boot.ts';
import { loadConfig } from '../server/kernel/config.ts';
import type { Ctx } from '../server/kernel/context.ts';
import { PERIOD, periodOf, previousPeriod } from '../server/kernel/figures/figures.ts';
import { wireModules } from '../server/kernel/wire-modules.ts';
import { buildDispatchReport, figureLines, reportPdf, reportTitle, reportWorkbook } from '../server/modules/dashboards/index.ts';
import { resolvePlace } from './import.ts';

/**
 * `npm run cli -- report <place id or path> [--period YYYY-MM] [--format text|json|xlsx|pdf] [--out FILE]`: a place's
 * monthly dispatch report (月度调度通报), built as the system from the month's snapshots — the same figures as the
 * dashboard and the kept report — and printed (a table of figure, this month, last month, change), or written as
 * JSON, a workbook or a PDF. It keeps nothing. Exit 0 done, 1 an unknown place or a month not snapshotted, 2 usage.
 */
export const REPORT_USAGE =
  'Usage: npm run cli -- report <place id or path, e.g. 安和街道/安和社区> [--period YYYY-MM] [--format text|json|xlsx|pdf] [--out FILE]';
const FORMATS = ['text', 'json', 'xlsx', 'pdf'] as const;
type Format = (typeof FORMATS)[number];

/** Terminal columns a string takes: CJK and full-width characters are two wide. */
const widthOf = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);
const pad = (s: string, width: number) => s + ' '.repeat(Math.max(0, width - widthOf(s)));

export async function reportCommand(args: string[]): Promise<number> {
  const option = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const spec = args.find((a, i) => !a.startsWith('--') && !['--period', '--format', '--out'].includes(args[i - 1] ?? ''));
  const period = option('--period');
  const format = (option('--format') ?? 'text') as Format;
  const out = option('--out');
  if (!spec || (period !== undefined && !PERIOD.test(period)) || !FORMATS.includes(format) || (args.includes('--out') && !out)) {
    process.stderr.write(`${REPORT_USAGE}\n`);
    return 2;
  }
  const config = loadConfig();
  const kernel = await bootKernel(config, undefined, undefined, { besideRunning: true });
  try {
    wireModules(MODULES);
    const place = await resolvePlace(kernel, spec);
    if (!place) {
      process.stderr.write(`No place ${spec} (give a place id or a path of names from the top, e.g. 安和街道/安和社区). 未找到该地点。\n`);
      return 1;
    }
    const month = period ?? previousPeriod(periodOf(kernel.clock.now()));
    const ctx: Ctx = { kernel, actor: { ...SYSTEM_ACTOR, name: 'cli report' } };
    const report = await buildDispatchReport(ctx, place, month);
    if (report.takenAt === null && report.figures.length > 0) {
      process.stderr.write(`No snapshot of ${month} at ${place.name}: the report reads the month's snapshots only. 该月快照尚未生成。\n`);
      return 1;
    }
    const fileName = out ?? `${place.name}${month}月度调度通报.${format === 'text' ? 'txt' : format}`;
    if (format === 'json') {
      const text = `${JSON.stringify(report, null, 2)}\n`;
      if (out) writeFileSync(out, text);
      else process.stdout.write(text);
      return 0;
    }
    if (format === 'xlsx' || format === 'pdf') {
      const base = config.publicUrl ?? `http://localhost:${config.port}`;
      const content = format === 'xlsx' ? await reportWorkbook(report) : await reportPdf(report, `${base}/dashboards?place=${place.id}&period=${month}`);
      writeFileSync(fileName, content);
      process.stdout.write(`${reportTitle(report)} → ${fileName}\n`);
      return 0;
    }
    const rows = [['指标 Figure', '本月 This month', '上月 Last month', '变化 Change'], ...figureLines(report).map((f) => [f.name, f.text.current, f.text.previous, f.text.change])];
    const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => widthOf(r[i]!))));
    const lines = [
      reportTitle(report),
      '',
      ...rows.map((r) => `  ${pad(r[0]!, widths[0]!)}  ${pad(r[1]!, widths[1]!)}  ${pad(r[2]!, widths[2]!)}  ${r[3]}`),
      ...report.watch.map((w) => `  ${w.title.zh}: ${w.total}`),
      '',
    ].join('\n');
    if (out) writeFileSync(out, lines);
    else process.stdout.write(lines);
    return 0;
  } finally {
    await kernel.database.close();
  }
}
