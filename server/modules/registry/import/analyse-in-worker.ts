import { Worker } from 'node:worker_threads';
import type { PlaceRow } from '../../../kernel/access/places.ts';
import type { Kernel } from '../../../kernel/context.ts';
import type { Analysis, AnalyseInput, AnalyseProgress } from './analyse.ts';
import { type Field, MappingError } from './columns.ts';
import { FileFormatError } from './read-file.ts';
import { loadSnapshot, type Snapshot } from './snapshot.ts';
import { read } from '../registry.db.ts';

/**
 * Runs analyse() in a worker thread, so the server's event loop stays free while a file of 200,000
 * rows is read, checked, hashed and encrypted. The server's thread does the one part that needs the
 * database: the registry snapshot the worker asks for. Errors come back as the same classes the
 * callers already handle (unreadable file, bad mapping).
 */
export type FromWorker =
  | { type: 'snapshot'; idHashes: string[]; phoneHashes: string[] }
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; analysis: Analysis }
  | { type: 'failed'; kind: 'file'; reason: FileFormatError['reason']; message: string }
  | { type: 'failed'; kind: 'mapping'; field: Field }
  | { type: 'failed'; kind: 'other'; message: string };
export type ToWorker = { type: 'snapshot'; snapshot: Snapshot };

const WORKER = new URL('./analysis-worker.ts', import.meta.url);

export function analyseInWorker(
  kernel: Kernel,
  target: PlaceRow,
  content: Buffer,
  opts: Omit<AnalyseInput, 'target' | 'content'> & { progress?: AnalyseProgress },
): Promise<Analysis> {
  // A copy the worker owns outright (a Buffer may be a view of a shared pool).
  const own = new Uint8Array(content);
  const input: AnalyseInput = { target, content: own, mapping: opts.mapping, materialise: opts.materialise };
  const worker = new Worker(WORKER, { workerData: { input, piiKey: new Uint8Array(kernel.config.piiKey) }, transferList: [own.buffer] });
  return new Promise<Analysis>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      fn();
    };
    worker.on('message', (message: FromWorker) => {
      switch (message.type) {
        case 'snapshot':
          loadSnapshot(read(kernel), target, message.idHashes, message.phoneHashes).then(
            (snapshot) => worker.postMessage({ type: 'snapshot', snapshot } satisfies ToWorker),
            (err) => settle(() => reject(err)),
          );
          break;
        case 'progress':
          void Promise.resolve(opts.progress?.(message.done, message.total)).catch(() => {});
          break;
        case 'done':
          settle(() => resolve(message.analysis));
          break;
        case 'failed':
          settle(() =>
            reject(
              message.kind === 'file'
                ? new FileFormatError(message.reason, message.message)
                : message.kind === 'mapping'
                  ? new MappingError(message.field)
                  : new Error(`import analysis failed: ${message.message}`),
            ),
          );
          break;
      }
    });
    worker.on('error', (err) => settle(() => reject(err)));
    worker.on('exit', (code) => settle(() => reject(new Error(`import analysis worker exited (${code}) without an answer`))));
  });
}
