import { parentPort, workerData } from 'node:worker_threads';
import { createPii } from '../../../kernel/pii/pii.ts';
import { analyse, type AnalyseInput } from './analyse.ts';
import { MappingError } from './columns.ts';
import { FileFormatError } from './read-file.ts';
import type { Snapshot } from './snapshot.ts';
import type { FromWorker, ToWorker } from './analyse-in-worker.ts';

/**
 * The worker thread's side of analyse-in-worker.ts: analyses one file and exits. The registry is
 * read by the server's thread (it owns the database connection) and sent over on request.
 */
const port = parentPort!;
const { input, piiKey } = workerData as { input: AnalyseInput; piiKey: Uint8Array };
const post = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

let answer: ((snapshot: Snapshot) => void) | null = null;
port.on('message', (message: ToWorker) => {
  if (message.type === 'snapshot') answer?.(message.snapshot);
});

try {
  const analysis = await analyse(input, {
    pii: createPii(Buffer.from(piiKey)),
    loadSnapshot: (idHashes, phoneHashes) =>
      new Promise<Snapshot>((resolve) => {
        answer = resolve;
        post({ type: 'snapshot', idHashes, phoneHashes });
      }),
    progress: (done, total) => post({ type: 'progress', done, total }),
  });
  // The COPY text moves to the server's thread without a copy.
  const transfer = (analysis.plan?.loads ?? []).flatMap((l) => l.chunks.map((c) => c.text.buffer as ArrayBuffer));
  post({ type: 'done', analysis }, transfer);
} catch (err) {
  if (err instanceof FileFormatError) post({ type: 'failed', kind: 'file', reason: err.reason, message: err.message });
  else if (err instanceof MappingError) post({ type: 'failed', kind: 'mapping', field: err.field });
  else post({ type: 'failed', kind: 'other', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
}
// The server's thread ends this worker once it has the answer.
