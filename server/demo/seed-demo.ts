import { ROLE_LABELS, type Role } from '../kernel/access/index.ts';
import type { Kernel } from '../kernel/context.ts';
import { type DemoAccount, type DemoSeedContext, demoSeedContext } from '../kernel/demo-seed.ts';
import { figureCatalogue, seedFigureHistory } from '../kernel/figures/figures.ts';
import { appDb, MODULES } from '../app.ts';
import { wireModules } from '../kernel/wire-modules.ts';
import { seedDispatchReports } from '../modules/dashboards/index.ts';
import { seedNotifyDemo } from '../kernel/notify/notify.seed.ts';
import { seedPrivacyDemo } from '../kernel/privacy/privacy.seed.ts';

/**
 * The demo, seeded into an empty database on the first start (and by `gongzhi seed-demo`): each module
 * seeds its own part through its manifest's `demo.seed` hook, in the order of the module list — the
 * registry first, with the street 安和街道 and its logins; then repair orders, opinions, notices and room
 * claims made on it; last, the figures' snapshots of the six months before this one and of this one.
 * What a later module needs of an earlier one comes through the context (kernel/demo-seed.ts). Content
 * is the same every run; only the UUIDv7 ids differ.
 */

/** True before the first start: no place exists yet. */
export async function isRegistryEmpty(kernel: Kernel): Promise<boolean> {
  const row = await appDb(kernel).selectFrom('places').select('id').limit(1).executeTakeFirst();
  return !row;
}

/**
 * Seeds every module's part of the demo, in the order of the module list, and answers the context:
 * the logins and what each module handed on. `only` names the modules to seed (tests seed what they
 * need; still in the list's order); `demo` carries on a context from an earlier call.
 */
export async function seedDemo(kernel: Kernel, opts: { only?: string[]; demo?: DemoSeedContext } = {}): Promise<DemoSeedContext> {
  // The demo runs before the HTTP server on a first start: the modules' templates, kinds and figures first.
  wireModules(MODULES);
  const demo = opts.demo ?? (await demoSeedContext(kernel));
  for (const m of MODULES) {
    if (m.demo && (!opts.only || opts.only.includes(m.name))) await m.demo.seed(kernel, demo);
  }
  // Last, over everything seeded: the figures' months so far (kernel/figures), so the monthly report
  // has a last month and a history. `only` skips it unless it names 'figures'.
  if (!opts.only || opts.only.includes('figures')) await seedFigureHistory(kernel, figureCatalogue(MODULES));
  // Then last month's dispatch reports over that history (the module's own hook ran before it, finding none).
  if (!opts.only || opts.only.includes('dashboards')) await seedDispatchReports(kernel, demo);
  // The demo resident's WeChat (the sandbox's) and the reminders they allowed: kernel/notify.
  if (!opts.only || opts.only.includes('notify')) await seedNotifyDemo(kernel, demo);
  // The consents the residents gave at sign-up, one of them to an earlier notice: kernel/privacy.
  if (!opts.only || opts.only.includes('privacy')) await seedPrivacyDemo(kernel, demo);
  return demo;
}

// ——— printing ———

/** Terminal columns a string takes: CJK and full-width characters are two wide. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6)
        ? 2
        : 1;
  }
  return w;
}
const pad = (s: string, width: number) => s + ' '.repeat(Math.max(0, width - displayWidth(s)));

/** Prints the demo logins as a table (role in zh + en, login, password, place), then the modules' notes. */
export function printDemoLogins(
  demo: { accounts: DemoAccount[]; password: string; notes: string[] },
  out: (text: string) => void = (t) => process.stdout.write(t),
): void {
  const label = (role: Role) => {
    const l = ROLE_LABELS[role];
    return l ? `${l['zh-CN']} ${l.en}` : role;
  };
  const rows = [
    ['角色 Role', '登录名 Login', '密码 Password', '范围 Place'],
    ...demo.accounts.map((a) => [label(a.role), a.login, demo.password, a.place]),
  ];
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => displayWidth(r[i]!))));
  const line = (r: string[]) => `  ${pad(r[0]!, widths[0]!)}  ${pad(r[1]!, widths[1]!)}  ${pad(r[2]!, widths[2]!)}  ${r[3]}\n`;
  out(`\nDemo logins 演示账号 (password 密码: ${demo.password})\n`);
  out(line(rows[0]!));
  out(`  ${'-'.repeat(widths[0]! + widths[1]! + widths[2]! + 6 + Math.max(...rows.map((r) => displayWidth(r[3]!))))}\n`);
  for (const r of rows.slice(1)) out(line(r));
  if (demo.notes.length) out(`\n${demo.notes.map((n) => `  ${n}\n`).join('')}`);
  out('\n');
}
