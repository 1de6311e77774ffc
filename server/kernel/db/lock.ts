import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * One app owns an embedded data directory at a time: it starts and stops the database server there.
 * The process that owns it holds a lock file naming its pid beside the directory; a second process
 * (a second server) is refused with a clear message, and the CLI works beside the owner instead. A
 * lock left by a process that died is taken over (and the server it left running is restarted).
 */
export function lockDataDir(pgDir: string): () => void {
  const file = join(dirname(pgDir), 'gongzhi.lock');
  mkdirSync(dirname(pgDir), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(file, 'utf8') === String(process.pid)) unlinkSync(file);
        } catch {}
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number(readFileSync(file, 'utf8'));
      if (holder && holder !== process.pid && isAlive(holder)) {
        throw new Error(
          `The embedded database at ${pgDir} is in use by process ${holder} (a running Gongzhi server?). Stop it first.\n` +
            `内置数据库正被进程 ${holder} 使用，请先停止该进程。`,
        );
      }
      unlinkSync(file);
    }
  }
  throw new Error(`Could not lock ${pgDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
