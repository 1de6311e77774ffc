import { createAccount, grantRole } from '../../kernel/auth/accounts.ts';
import { hashPassword } from '../../kernel/auth/passwords.ts';
import type { Kernel } from '../../kernel/context.ts';
import { newId } from '../../kernel/ids.ts';
import type { App } from '../../kernel/module.ts';
import { type FilePart, signInClient as signInAs } from '../../test/client.ts';
export { ctxFor } from '../../test/client.ts';
export type { Client, FilePart } from '../../test/client.ts';
import { buildWorld, PASSWORD } from '../../test/fixture.ts';
import { useTestEnv } from '../../test/harness.ts';
import { write } from './supervision.db.ts';

/**
 * What the rectification tests share: the fixture world (street S: C1 → G1 → 阳光花园 A served by 安和物业, C2 →
 * 明月小区 B without a company; street S2: 远方小区 Z served by 邻街物业) plus a second community's secretary (C2), a
 * community-level 物委会 member (C1), the other street's official and its compound's manager; clients that upload;
 * and inspection rows written straight into the sheets part's tables (its use cases are built in parallel).
 */
export async function buildRectificationWorld(kernel: Kernel) {
  const w = await buildWorld(kernel);
  const passwordHash = await hashPassword(PASSWORD);
  const more = await write(w.ctx, async (tx) => {
    const account = async (username: string, role: Parameters<typeof grantRole>[2], placeId: string) => {
      const id = await createAccount(tx, kernel.pii, { username, displayName: username, password: PASSWORD, passwordHash });
      await grantRole(tx, id, role, placeId);
      return id;
    };
    return {
      secretary2: await account('secretary2', 'community_secretary', w.places.C2),
      committeeC1: await account('committeec1', 'property_committee_member', w.places.C1),
      zofficial: await account('zofficial', 'street_official', w.places.S2),
      zmanager: await account('zmanager', 'property_manager', w.places.Z),
    };
  });
  return { ...w, accounts: { ...w.accounts, ...more } };
}
export type RectificationWorld = Awaited<ReturnType<typeof buildRectificationWorld>>;

export function useRectificationWorld() {
  return useTestEnv((env) => buildRectificationWorld(env.kernel));
}


export const png = (seed = 1): FilePart => {
  const content = Buffer.alloc(512, seed);
  content.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 0);
  return { filename: `photo${seed}.png`, type: 'image/png', content };
};
export const pdfFile = (seed = 1): FilePart => ({ filename: `doc${seed}.pdf`, type: 'application/pdf', content: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(100, seed)]) });
export const textFile = (): FilePart => ({ filename: 'fake.png', type: 'image/png', content: Buffer.from('not an image at all') });
export const upload = (f: FilePart) => ({ filename: f.filename, content: f.content });

/** Signs in through the real login route; uploads put their files under `files` (the notice routes' field). */
export const signInClient = (app: App, login: string, password = PASSWORD) => signInAs(app, login, password, { fileField: 'files' });

/**
 * A submitted inspection of a compound with one deduction indicator that found problems and two photos, written
 * straight into the sheets part's tables (migration 0053). Returns the ids a notice's source names.
 */
export async function insertFinding(kernel: Kernel, at: { streetId: string; compoundId: string; inspectorId: string; kernelFiles?: boolean }) {
  const ids = { sheet: newId(), section: newId(), indicator: newId(), inspection: newId(), files: [newId(), newId()] };
  const keys = [await kernel.files.put(png(201).content), await kernel.files.put(png(202).content)];
  await write({ kernel, actor: { accountId: '00000000-0000-0000-0000-000000000000', name: 'system', personId: null, grants: [], requestId: null, locale: 'zh-CN' } }, async (tx) => {
    const s = at.streetId;
    await tx.insertInto('sup_sheets').values({ street_id: s, id: ids.sheet, place_id: s, kind: 'property_service', name: '物业服务考评表', version: 1, applies_from: '2026-Q1', status: 'active', frozen_at: new Date() }).execute();
    await tx.insertInto('sup_sheet_sections').values({ street_id: s, id: ids.section, sheet_id: ids.sheet, position: 1, name: '环境卫生', weight: 100 }).execute();
    await tx
      .insertInto('sup_sheet_indicators')
      .values({ street_id: s, id: ids.indicator, sheet_id: ids.sheet, section_id: ids.section, position: 1, code: 'HJ-01', name: '楼道整洁', method: 'deduction', max_points: 1000, deduction_points: 200, evidence: 'photo' })
      .execute();
    await tx
      .insertInto('sup_inspections')
      .values({ street_id: s, id: ids.inspection, place_id: at.compoundId, company_id: null, sheet_id: ids.sheet, period: '2026-Q4', inspector_id: at.inspectorId, inspector_name: '检查员', status: 'submitted', score_centi: 6000, submitted_at: new Date() })
      .execute();
    await tx.insertInto('sup_inspection_items').values({ street_id: s, inspection_id: ids.inspection, indicator_id: ids.indicator, findings: 2, credited_points: 600, note: '2栋3楼、5楼楼道堆放杂物' }).execute();
    for (const [k, id] of ids.files.entries()) {
      await tx
        .insertInto('sup_inspection_files')
        .values({ street_id: s, id, inspection_id: ids.inspection, indicator_id: ids.indicator, kind: 'photo', file_key: keys[k]!, file_name: `现场${k + 1}.png`, mime: 'image/png', size_bytes: 512, uploaded_by: at.inspectorId })
        .execute();
    }
  });
  return ids;
}
