import ExcelJS from 'exceljs';
import { ROLE_LABELS, type Role } from '../access/index.ts';
import { type Ctx, audit, write } from '../context.ts';
import type { Tx } from '../db/index.ts';

/** One sheet of "my data": a title and a table, in zh-CN and en. */
export interface PersonalDataSheet {
  sheet: { zh: string; en: string };
  columns: { zh: string; en: string }[];
  rows: (string | number | null)[][];
}

/**
 * What a module holds about the signed-in person (PIPL art. 45: a copy of one's own data), declared in
 * its manifest (`Module.personalData`). `sheets` lists the actor's own records — decrypted where they
 * are the actor's own phone or ID number. `reveals` names the audited reads of the actor's full phone
 * or ID number in the module: the audit actions and the subjects that are the actor or theirs.
 */
export interface PersonalDataSource {
  sheets(ctx: Ctx): Promise<PersonalDataSheet[]>;
  reveals?: (ctx: Ctx) => Promise<{ action: string; subjectType: string; subjectIds: string[] }[]>;
  /**
   * When the actor closes their account (close-account.ts), in its transaction: erase what the module
   * need not keep of the actor and pseudonymise what it must keep (a name shown → 已注销用户).
   */
  erase?: (tx: Tx, ctx: Ctx) => Promise<void>;
}

export const sources = new Map<string, PersonalDataSource>();

/** Called by wireModules for every module that declares `personalData` (again with the same module: no change). */
export function registerPersonalData(moduleName: string, source: PersonalDataSource): void {
  sources.set(moduleName, source);
}

/** Every module's sheets of the actor's own data, the kernel's first. */
export async function personalDataSheets(ctx: Ctx): Promise<PersonalDataSheet[]> {
  const all = await Promise.all([...sources.values()].map((s) => s.sheets(ctx)));
  return all.flat();
}

export const shanghaiTime = (d: Date | null) => (d ? new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : null);

/**
 * "My data" as one workbook, a sheet per kind of record; the export itself is audited (without
 * anything of the content: counts only).
 */
export async function personalDataXlsx(ctx: Ctx): Promise<Buffer> {
  const sheets = await personalDataSheets(ctx);
  const en = ctx.actor.locale === 'en';
  const book = new ExcelJS.Workbook();
  const used = new Set<string>();
  for (const s of sheets) {
    // Sheet names must be unique and ≤ 31 characters.
    let name = (en ? s.sheet.en : s.sheet.zh).slice(0, 28);
    for (let i = 2; used.has(name); i++) name = `${name.slice(0, 26)}-${i}`;
    used.add(name);
    const sheet = book.addWorksheet(name);
    sheet.addRow(s.columns.map((c) => (en ? c.en : c.zh))).font = { bold: true };
    for (const r of s.rows) sheet.addRow(r.map((v) => v ?? ''));
    s.columns.forEach((_, i) => (sheet.getColumn(i + 1).width = 20));
  }
  await write(ctx, (tx) =>
    audit(tx, ctx, {
      action: 'account.personal_data.exported',
      subjectType: 'account',
      subjectId: ctx.actor.accountId,
      detail: { sheets: sheets.length, rows: sheets.reduce((n, s) => n + s.rows.length, 0) },
    }),
  );
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** One audited read of my full phone or ID number: when, what, and by whom as a role at a place (not the person). */
export interface PiiRead {
  at: Date;
  action: string;
  roles: { role: string; label: string; place: string }[];
}

/**
 * "Who looked": the audited reads of the actor's full phone or ID number that the modules name, newest
 * first, each with the reader's roles (and where they hold them) — the role, not the staff member's
 * name or phone, is what the resident needs to ask about it.
 */
export async function myPiiReads(ctx: Ctx, limit = 200): Promise<PiiRead[]> {
  const db = ctx.kernel.db;
  const subjects = (await Promise.all([...sources.values()].map((s) => s.reveals?.(ctx) ?? Promise.resolve([])))).flat();
  const rows = (
    await Promise.all(
      subjects
        .filter((s) => s.subjectIds.length > 0)
        .map((s) =>
          db
            .selectFrom('audit_log')
            .select(['at', 'action', 'actor_id'])
            .where('action', '=', s.action)
            .where('subject_type', '=', s.subjectType)
            .where('subject_id', 'in', s.subjectIds)
            .orderBy('seq', 'desc')
            .limit(limit)
            .execute(),
        ),
    )
  )
    .flat()
    // One's own reads of oneself are not "someone looked".
    .filter((r) => r.actor_id !== ctx.actor.accountId)
    .sort((a, b) => b.at.getTime() - a.at.getTime())
    .slice(0, limit);
  const actorIds = [...new Set(rows.map((r) => r.actor_id).filter((id): id is string => id !== null))];
  const grants = actorIds.length
    ? await db
        .selectFrom('grants')
        .innerJoin('places', 'places.id', 'grants.place_id')
        .select(['grants.account_id', 'grants.role', 'places.name'])
        .where('grants.account_id', 'in', actorIds)
        .execute()
    : [];
  const locale = ctx.actor.locale === 'en' ? 'en' : 'zh-CN';
  return rows.map((r) => ({
    at: r.at,
    action: r.action,
    roles: grants
      .filter((g) => g.account_id === r.actor_id)
      .map((g) => ({ role: g.role, label: ROLE_LABELS[g.role as Role]?.[locale] ?? g.role, place: g.name })),
  }));
}
