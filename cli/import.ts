import { appDb } from '../server/app.ts';
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { findPlace, type PlaceRow, SYSTEM_ACTOR } from '../server/kernel/access/index.ts';
import { bootKernel } from '../server/kernel/boot.ts';
import { loadConfig } from '../server/kernel/config.ts';
import type { Ctx, Kernel } from '../server/kernel/context.ts';
import { AppError } from '../server/kernel/errors.ts';
import { UUID_RE } from '../server/kernel/ids.ts';
import { issueMessage } from '../server/modules/registry/import/issues.ts';
import type { Counts } from '../server/modules/registry/import/plan.ts';
import { jsonOf, type StoredReport } from '../server/modules/registry/use-cases/import-access.ts';
import { commitImport, type ImportPhase } from '../server/modules/registry/use-cases/import-commit.ts';
import { dryRunImport } from '../server/modules/registry/use-cases/import-dry-run.ts';
import { uploadImport } from '../server/modules/registry/use-cases/import-upload.ts';

/**
 * `npm run cli -- import <file> --place <id or path> [--dry-run] [--skip-invalid]`: the same
 * import as the workbench's, run by the operator beside a stopped server (the embedded database
 * belongs to one process). It acts as the system; the audit entry records the host and OS user.
 * A progress bar goes to stderr, the report to stdout. Exit 0 imported (or a clean dry run),
 * 1 rows with errors or nothing imported, 2 usage.
 */
const USAGE = 'Usage: npm run cli -- import <file> --place <compound id or path, e.g. 安和街道/安和社区/阳光花园> [--dry-run] [--skip-invalid]';
const say = (text: string) => process.stdout.write(`${text}\n`);

const PHASE_LABEL: Record<ImportPhase, string> = { read: '校验 checking', write: '写入 writing', done: '完成 done' };

/** A one-line bar redrawn in place on a terminal; plain lines every 10% otherwise (logs, CI). */
export function progressBar(out: NodeJS.WriteStream = process.stderr) {
  const tty = out.isTTY === true;
  let lastDrawn = -1;
  let lastLabel = '';
  return {
    update(label: string, done: number, total: number) {
      const ratio = total > 0 ? Math.min(1, done / total) : 0;
      const pct = Math.floor(ratio * 100);
      if (tty) {
        const width = 30;
        const full = Math.round(ratio * width);
        out.write(`\r[${'█'.repeat(full)}${'░'.repeat(width - full)}] ${String(pct).padStart(3)}%  ${label} ${done.toLocaleString('en')}/${total.toLocaleString('en')}   `);
      } else if (label !== lastLabel || pct >= lastDrawn + 10) {
        out.write(`${label} ${pct}% (${done}/${total})\n`);
        lastDrawn = pct;
      }
      lastLabel = label;
    },
    end() {
      if (tty) out.write('\n');
    },
  };
}

/** A place id, or names from the top down; levels may be skipped (安和街道/阳光花园) when the name is unique below. */
export async function resolvePlace(kernel: Kernel, spec: string): Promise<PlaceRow | undefined> {
  if (UUID_RE.test(spec)) return findPlace(appDb(kernel), spec);
  let place: PlaceRow | undefined;
  for (const name of spec.split('/').map((s) => s.trim()).filter(Boolean)) {
    const found: PlaceRow[] = await appDb(kernel)
      .selectFrom('places')
      .select(['id', 'parent_id', 'kind', 'name', 'path', 'depth', 'street_id'])
      .where('name', '=', name)
      .$if(!!place, (q) => q.where('path', 'like', `${place!.path}%`).where('id', '<>', place!.id))
      .orderBy('depth')
      .limit(3)
      .execute();
    if (found.length === 0) return undefined;
    if (found.length > 1 && found[1]!.depth === found[0]!.depth) throw new Error(`"${name}" names several places; give more of the path or the id.`);
    place = found[0];
  }
  return place;
}

function printCounts(c: Counts | null) {
  if (!c) return;
  const three = (x: { created: number; updated?: number; unchanged: number }) =>
    `新建 ${x.created}  更新 ${x.updated ?? 0}  不变 ${x.unchanged}   (created ${x.created}, updated ${x.updated ?? 0}, unchanged ${x.unchanged})`;
  say(`行 rows:        ${c.rows.total} (有效 valid ${c.rows.valid}, 错误 invalid ${c.rows.invalid}, 空行 blank ${c.rows.blank})`);
  say(`楼栋 buildings: ${three(c.buildings)}`);
  say(`单元 units:     ${three(c.units)}`);
  say(`房屋 rooms:     ${three(c.rooms)}`);
  say(`人员 persons:   ${three(c.persons)}`);
  say(`住户 households:${three(c.households)}`);
}

function printIssues(report: StoredReport | null, limit = 50) {
  if (!report) return;
  const errors = report.issues.filter((i) => i.level === 'error');
  if (errors.length === 0) return;
  say(`\n${report.errorCount} 个错误 errors${errors.length > limit ? `（前 ${limit} 个 first ${limit}）` : ''}:`);
  for (const i of errors.slice(0, limit)) {
    const where = `第 ${i.row} 行${i.column ? ` ${i.column}列${i.header ? `「${i.header}」` : ''}` : ''}`;
    say(`  ${where.padEnd(18)} ${issueMessage(i, 'zh-CN')} / ${issueMessage(i, 'en')}`);
  }
}

export async function importCommand(args: string[]): Promise<number> {
  const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--place');
  const placeSpec = args[args.indexOf('--place') + 1];
  const dryRun = args.includes('--dry-run');
  const skipInvalid = args.includes('--skip-invalid');
  if (!file || !args.includes('--place') || !placeSpec || placeSpec.startsWith('--')) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  if (!existsSync(file)) {
    process.stderr.write(`${file} does not exist.\n`);
    return 2;
  }
  const kernel = await bootKernel(loadConfig(), undefined, undefined, { besideRunning: true });
  const bar = progressBar();
  try {
    const place = await resolvePlace(kernel, placeSpec);
    if (!place) {
      process.stderr.write(`No place ${placeSpec} (give a place id or a path of names from the top, e.g. 安和街道/安和社区/阳光花园).\n`);
      return 1;
    }
    const ctx: Ctx = { kernel, actor: { ...SYSTEM_ACTOR, name: 'cli import' } };
    const started = performance.now();
    const { id } = await uploadImport(ctx, { placeId: place.id, fileName: basename(file), content: readFileSync(file) });
    say(`${dryRun ? '预检 Dry run' : '导入 Import'}: ${file} → ${place.name} (${place.kind})`);
    const stored = async () => jsonOf<StoredReport>((await appDb(kernel).selectFrom('reg_imports').select('report').where('id', '=', id).executeTakeFirst())?.report);
    try {
      if (dryRun) {
        await dryRunImport(ctx, id, undefined, (done, total) => bar.update(PHASE_LABEL.read, done, total));
      } else {
        await commitImport(ctx, id, { skipInvalid }, (phase, done, total) => bar.update(PHASE_LABEL[phase], done, total));
      }
    } catch (err) {
      bar.end();
      if (err instanceof AppError) {
        const report = await stored();
        printCounts(report?.counts ?? null);
        printIssues(report);
        say(`\n${err.message_('zh-CN')}\n${err.message_('en')}`);
        return 1;
      }
      throw err;
    }
    bar.end();
    const report = await stored();
    printCounts(report?.counts ?? null);
    printIssues(report);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (dryRun) {
      say(`\n预检完成，未写入任何数据 (dry run: nothing written), ${seconds} s. 导入编号 import id ${id}`);
      return report && report.errorCount > 0 ? 1 : 0;
    }
    say(`\n导入完成 (imported) in ${seconds} s. 导入编号 import id ${id}`);
    return 0;
  } finally {
    await kernel.database.close();
  }
}
