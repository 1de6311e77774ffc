import { can, findPlace, placeAncestors } from '../../../kernel/access/index.ts';
import { type Ctx, audit } from '../../../kernel/context.ts';
import { write, read } from '../activation.db.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { getTask, startTask } from '../../../kernel/tasks/tasks.ts';
import { cjkFont } from '../../../kernel/pdf/fonts.ts';
import { householdRoomsUnder, RegistryPolicy } from '../../registry/index.ts';
import { ActivationErrors } from '../activation.errors.ts';
import { ActivationPolicy, allows } from '../activation.policy.ts';
import { codesOf, issueMissingCodes } from '../activation.repository.ts';
import { renderSlips } from '../slips-pdf.ts';

export const SLIPS_TASK = 'activation.slips';

/** A building the actor can see (registry's place readers); 404 otherwise, like the registry. */
async function loadBuilding(ctx: Ctx, id: string) {
  const place = await findPlace(read(ctx), id);
  if (!place || place.kind !== 'building' || !can(ctx.actor, RegistryPolicy.readPlaces, place.path)) throw ActivationErrors.PLACE_NOT_FOUND();
  return place;
}

/** What the "print slips" button needs to know: how many households, and whether this actor may print. */
export async function getSlipInfo(ctx: Ctx, buildingId: string) {
  const building = await loadBuilding(ctx, buildingId);
  const rooms = await householdRoomsUnder(read(ctx), building.path);
  const codes = await codesOf(read(ctx), rooms.map((r) => r.roomId));
  return { buildingId: building.id, households: rooms.length, withCode: codes.size, canPrint: allows(ctx.actor, 'printSlips', building.path) };
}

/**
 * Prints a building's activation slips: gives every household without a code a fresh one (one
 * transaction, audited), then renders the PDF in the background; the client polls the task and
 * downloads the file. Codes already printed stay valid, so reprinting gives the same slips.
 */
export async function printSlips(ctx: Ctx, buildingId: string, baseUrl: string) {
  const building = await loadBuilding(ctx, buildingId);
  if (!allows(ctx.actor, 'printSlips', building.path)) throw CommonErrors.FORBIDDEN();
  cjkFont(); // no font, no PDF: say so now rather than in a failed task
  const db = read(ctx);
  const rooms = await householdRoomsUnder(db, building.path);
  if (rooms.length === 0) throw ActivationErrors.NO_HOUSEHOLDS();
  const issued = await write(ctx, async (tx) => {
    const n = await issueMissingCodes(tx, rooms.map((r) => r.roomId), ctx.actor.accountId, ctx.kernel.clock.now());
    await audit(tx, ctx, {
      action: 'activation.slips_printed',
      placeId: building.id,
      subjectType: 'place',
      subjectId: building.id,
      detail: { households: rooms.length, codesIssued: n },
    });
    return n;
  });
  const compound = (await placeAncestors(db, building)).find((p) => p.kind === 'compound');
  const title = `${compound?.name ?? ''}${building.name}住户激活单`;
  const printedOn = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(ctx.kernel.clock.now());
  const taskId = await startTask(ctx, { kind: SLIPS_TASK, placeId: building.id }, async (progress) => {
    const codes = await codesOf(db, rooms.map((r) => r.roomId));
    const pdf = await renderSlips(
      rooms.map((r) => ({ ...r, code: codes.get(r.roomId)! })),
      { baseUrl, title, printedOn, onProgress: progress },
    );
    const fileKey = await ctx.kernel.files.put(pdf);
    return { fileKey, households: rooms.length, filename: `${title}_${printedOn}.pdf`, bytes: pdf.length };
  });
  return { taskId, households: rooms.length, codesIssued: issued };
}

/** The finished PDF of a slips task, for its starter or anyone who may print slips for that building. */
export async function getSlipsFile(ctx: Ctx, taskId: string) {
  const task = await getTask(ctx.kernel, ctx.actor, taskId, ActivationPolicy.printSlips);
  if (task.kind !== SLIPS_TASK) throw CommonErrors.NOT_FOUND({ what: ctx.actor.locale === 'en' ? 'task' : '任务' });
  if (task.status !== 'done') throw CommonErrors.CONFLICT({ reason: task.status === 'failed' ? (task.error?.message ?? 'failed') : 'still running' });
  const result = task.result as { fileKey: string; filename: string };
  const content = await ctx.kernel.files.get(result.fileKey);
  if (!content) throw CommonErrors.NOT_FOUND({ what: 'PDF' });
  return { filename: result.filename, content };
}
