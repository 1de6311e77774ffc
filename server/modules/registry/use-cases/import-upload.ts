import { streetOf } from '../../../kernel/access/index.ts';
import { createHash } from 'node:crypto';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { write, read } from '../registry.db.ts';
import { newId } from '../../../kernel/ids.ts';
import { RegistryErrors } from '../registry.errors.ts';
import { loadImportTarget } from './import-access.ts';

const MAX_NAME = 200;

/** Audited; not a change of the registry (an upload writes nothing into it: plan-cache.ts). */
export const IMPORT_UPLOADED = 'registry.import.uploaded';

/**
 * Receives a file to import into a place: checks the importer's rights over the place, keeps the
 * file in the kernel's file store (content-addressed) and records the import. Nothing is read
 * into the registry until a commit.
 */
export async function uploadImport(ctx: Ctx, input: { placeId: string; fileName: string; content: Buffer }) {
  const { kernel } = ctx;
  const place = await loadImportTarget(read(kernel), ctx, input.placeId);
  if (input.content.length === 0) throw RegistryErrors.IMPORT_FILE_EMPTY();
  const fileKey = await kernel.files.put(input.content);
  const id = newId();
  const fileName = (input.fileName || 'import').slice(0, MAX_NAME);
  const sha256 = createHash('sha256').update(input.content).digest('hex');
  await write(ctx, async (tx) => {
    await tx
      .insertInto('reg_imports')
      .values({
        street_id: streetOf(place),
        id,
        place_id: place.id,
        file_key: fileKey,
        file_name: fileName,
        file_size: input.content.length,
        file_sha256: sha256,
        created_by: ctx.actor.accountId,
        created_at: kernel.clock.now(),
        status: 'uploaded',
        mapping: null,
        report: null,
      })
      .execute();
    await audit(tx, ctx, { action: IMPORT_UPLOADED, placeId: place.id, subjectType: 'import', subjectId: id, detail: { file: fileName, size: input.content.length, sha256 } });
  });
  return { id, place };
}
