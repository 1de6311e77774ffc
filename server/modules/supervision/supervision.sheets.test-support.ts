import { SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import { createAccount, grantRole } from '../../kernel/auth/accounts.ts';
import { hashPassword } from '../../kernel/auth/passwords.ts';
import { type Ctx, type Kernel, write } from '../../kernel/context.ts';
import type { App } from '../../kernel/module.ts';
import { ctxFor, signInClient as signInAs } from '../../test/client.ts';
export { ctxFor } from '../../test/client.ts';
export type { Client } from '../../test/client.ts';
import { PASSWORD } from '../../test/fixture.ts';
import type { SaveSheetBody } from './supervision.sheets.schemas.ts';

/** A session that sends JSON, and multipart uploads under the field name `file` (the evidence route's). */
export const signInClient = (app: App, login: string, password = PASSWORD) => signInAs(app, login, password, { fileField: 'file' });

export const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(300, 7), Buffer.from([0xff, 0xd9])]);
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

/**
 * The test sheet, by hand: 物业管理 (60 %) — T1 points 10.00 (photo), T2 deduction 5.00 at 2.00 a finding; 环境 (40 %) —
 * T3 yes/no 3.00 (document), T4 points 7.00.
 */
export const TEST_SHEET: SaveSheetBody = {
  name: '物业服务考评（测试）',
  sections: [
    {
      name: '物业管理',
      weight: 60,
      indicators: [
        { code: 'T1', name: '公示栏', guidance: '', method: 'points', maxCenti: 1000, deductionCenti: null, evidence: 'photo' },
        { code: 'T2', name: '楼道堆物', guidance: '每处扣 2 分', method: 'deduction', maxCenti: 500, deductionCenti: 200, evidence: 'none' },
      ],
    },
    {
      name: '环境',
      weight: 40,
      indicators: [
        { code: 'T3', name: '消杀记录', guidance: '', method: 'yes_no', maxCenti: 300, deductionCenti: null, evidence: 'document' },
        { code: 'T4', name: '绿化', guidance: '', method: 'points', maxCenti: 700, deductionCenti: null, evidence: 'none' },
      ],
    },
  ],
};

/** A street official of the other street S2 (the fixture has none): the owner of the outside sheet and inspections. */
export async function otherStreetOfficial(kernel: Kernel, streetId: string): Promise<Ctx> {
  const system: Ctx = { kernel, actor: SYSTEM_ACTOR };
  const accountId = await write(system, async (tx) => {
    const id = await createAccount(tx, kernel.pii, { username: 'zofficial', displayName: '邻街干部', password: PASSWORD, passwordHash: await hashPassword(PASSWORD) });
    await grantRole(tx, id, 'street_official', streetId);
    return id;
  });
  return ctxFor(kernel, accountId);
}

