import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Uploaded files (photos, attachments) live behind this interface: on disk under the data dir for
 * a street, in an object store for a city. Keys are content hashes, so the same photo uploaded
 * twice is stored once and a key can never be guessed from a name.
 */
export interface FileStore {
  put(content: Buffer): Promise<string>;
  get(key: string): Promise<Buffer | null>;
  remove(key: string): Promise<void>;
}

const KEY_RE = /^[0-9a-f]{64}$/;

export function diskFileStore(dir: string): FileStore {
  const pathOf = (key: string) => {
    if (!KEY_RE.test(key)) throw new Error('invalid file key');
    return join(dir, key.slice(0, 2), key);
  };
  return {
    async put(content) {
      const key = createHash('sha256').update(content).digest('hex');
      await mkdir(join(dir, key.slice(0, 2)), { recursive: true });
      await writeFile(pathOf(key), content);
      return key;
    },
    async get(key) {
      try {
        return await readFile(pathOf(key));
      } catch {
        return null;
      }
    },
    async remove(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}

/** In-memory store for tests. */
export function memoryFileStore(): FileStore & { size(): number } {
  const files = new Map<string, Buffer>();
  return {
    async put(content) {
      const key = createHash('sha256').update(content).digest('hex');
      files.set(key, Buffer.from(content));
      return key;
    },
    async get(key) {
      return files.get(key) ?? null;
    },
    async remove(key) {
      files.delete(key);
    },
    size: () => files.size,
  };
}

export type ImageType = 'image/jpeg' | 'image/png' | 'image/webp';

/** The image type by the file's first bytes, not by its name or declared type; null if none of ours. */
export function sniffImageType(content: Buffer): ImageType | null {
  if (content.length >= 3 && content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff) return 'image/jpeg';
  if (content.length >= 8 && content.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (content.length >= 12 && content.toString('latin1', 0, 4) === 'RIFF' && content.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return null;
}

/**
 * The headers an uploaded file is served with (notice attachments, payout vouchers): always a download
 * (`attachment`), never a document rendered by the app's origin; its type as sniffed at upload and no
 * other (`nosniff`); and, should a browser render it anyway, a sandbox with nothing allowed (no script,
 * no same origin, no requests). `<img src>` still shows images: a disposition and a CSP bind documents,
 * not images. `filename*=` carries a non-ASCII name, with a plain ASCII fallback.
 */
export function storedFileHeaders(name: string, mime: string): Record<string, string> {
  return {
    'content-type': mime,
    'content-disposition': `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    'x-content-type-options': 'nosniff',
    'content-security-policy': "sandbox; default-src 'none'",
  };
}

/**
 * Removes stored files nothing refers to any more: `referenced` asks the module's own table. Keys are content hashes,
 * so a file another record also holds is kept. A file already gone is no error.
 */
export async function removeUnreferenced(files: FileStore, keys: readonly string[], referenced: (key: string) => Promise<boolean>): Promise<void> {
  for (const key of new Set(keys)) {
    if (!(await referenced(key))) await files.remove(key).catch(() => {});
  }
}

/**
 * Runs a write that stores files (its `work` collects the keys it put in `written`): if the write fails, the files it
 * stored that no committed row refers to are removed again, so a refused request leaves no file behind.
 */
export async function withStoredFiles<T>(files: FileStore, referenced: (key: string) => Promise<boolean>, work: (written: string[]) => Promise<T>): Promise<T> {
  const written: string[] = [];
  try {
    return await work(written);
  } catch (err) {
    await removeUnreferenced(files, written, referenced);
    throw err;
  }
}
