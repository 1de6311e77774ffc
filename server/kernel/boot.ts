import { type Clock, systemClock } from './clock.ts';
import type { Config } from './config.ts';
import type { Kernel } from './context.ts';
import { openDatabase } from './db/index.ts';
import { forgetOnEveryWrite } from './db/read-cache.ts';
import { holdLiveness, newInstance } from './db/liveness.ts';
import { migrate } from './db/migrate.ts';
import { createPii } from './pii/pii.ts';
import { diskFileStore, type FileStore } from './files/files.ts';
import { join } from 'node:path';
import { createSmsSender } from './notify/channels/sms.ts';
import { createWechatClient } from './notify/channels/wechat.ts';
import { SessionCache } from './auth/session-cache.ts';

/** Opens the database, applies pending migrations and wires the kernel services. */
export async function bootKernel(
  config: Config,
  clock: Clock = systemClock,
  files?: FileStore,
  opts: Parameters<typeof openDatabase>[1] = {},
): Promise<Kernel> {
  const database = await openDatabase(config.database, opts);
  const sessions = new SessionCache();
  const instance = newInstance();
  try {
    await migrate(database);
    await sessions.start(database);
    await forgetOnEveryWrite(database);
    await holdLiveness(database, instance);
  } catch (err) {
    await database.close();
    throw err;
  }
  return {
    database,
    db: database.db,
    config,
    clock,
    pii: createPii(config.piiKey),
    files: files ?? diskFileStore(join(config.dataDir, 'files')),
    sms: createSmsSender(config.sms, clock),
    wechat: createWechatClient(config.wechat, clock),
    sessions,
    instance,
  };
}
