import { createReadStream, createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import pg from 'pg';
import tar from 'tar-stream';
import { giveToServerUser } from './embedded.ts';

/**
 * Online backup of the embedded server with PostgreSQL's low-level backup API, while it serves:
 * `pg_backup_start` → copy the data directory as it is → `pg_backup_stop` (which hands back the
 * `backup_label`) → copy the WAL written meanwhile. The copy is inconsistent file by file; the label
 * and the WAL make it consistent: a server started on it replays the WAL from the label's checkpoint
 * to the end of the backup, like crash recovery. (The npm package ships no pg_dump, and Debian's
 * pg_dump 15 cannot dump a newer server; a physical copy also keeps every table, sequence and index
 * exactly as they are.)
 *
 * The archive is a gzip tarball: `pg/…` (the data directory, `pg/backup_label` and `pg/pg_wal/…`)
 * and `pg.password` (the database password the restored cluster's users were made with).
 */

// Never copied (PostgreSQL documents these as safe, and better, to leave out of a base backup).
const SKIP_FILES = new Set(['postmaster.pid', 'postmaster.opts', 'backup_label', 'tablespace_map', 'recovery.signal', 'standby.signal']);
const EMPTY_DIRS = new Set(['pg_wal', 'pg_replslot', 'pg_dynshmem', 'pg_notify', 'pg_serial', 'pg_snapshots', 'pg_stat_tmp', 'pg_subtrans']);

export interface BackupResult {
  bytes: number;
  files: number;
  startLsn: string;
  stopLsn: string;
}

/** Writes an online backup of the server at `url`, whose data directory is `dataDir/pg`, to `outFile`. */
export async function onlineBackup(url: string, dataDir: string, outFile: string): Promise<BackupResult> {
  const pgDir = join(dataDir, 'pg');
  const pack = tar.pack();
  const written = pipeline(pack, createGzip({ level: 6 }), createWriteStream(outFile, { flags: 'wx', mode: 0o600 }));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let files = 0;
  let bytes = 0;
  const addFile = async (name: string, path: string) => {
    let size: number;
    try {
      size = (await lstat(path)).size;
    } catch {
      return; // dropped meanwhile (a table or index removed): the WAL replays the drop
    }
    const entry = pack.entry({ name, size, mode: 0o600, type: 'file' });
    // A file may grow or shrink while it is read (the server keeps writing): exactly `size` bytes go
    // into the archive, cut or padded with zeros; the WAL replay rewrites any page caught mid-change.
    let sent = 0;
    const stream = createReadStream(path, { start: 0, end: Math.max(0, size - 1) });
    for await (const chunk of size === 0 ? [] : stream) {
      const part = (chunk as Buffer).subarray(0, size - sent);
      sent += part.length;
      if (!entry.write(part)) await new Promise<void>((r) => entry.once('drain', () => r()));
    }
    if (sent < size) entry.write(Buffer.alloc(size - sent));
    await new Promise<void>((resolve, reject) => entry.end((err?: Error | null) => (err ? reject(err) : resolve())));
    files++;
    bytes += size;
  };
  const addDir = (name: string) => pack.entry({ name, type: 'directory', mode: 0o700 });
  const walk = async (rel: string): Promise<void> => {
    const abs = join(pgDir, rel);
    let names: string[];
    try {
      names = (await readdir(abs)).sort();
    } catch {
      return;
    }
    for (const n of names) {
      const relPath = rel ? `${rel}/${n}` : n;
      let stat;
      try {
        stat = await lstat(join(abs, n));
      } catch {
        continue;
      }
      if (stat.isDirectory()) {
        addDir(`pg/${relPath}`);
        if (!(rel === '' && EMPTY_DIRS.has(n)) && !n.startsWith('pgsql_tmp')) await walk(relPath);
      } else if (stat.isFile() && !(rel === '' && SKIP_FILES.has(n)) && !n.startsWith('pgsql_tmp')) {
        await addFile(`pg/${relPath}`, join(abs, n));
      }
    }
  };

  try {
    const start = await client.query<{ lsn: string }>("select pg_backup_start('gongzhi online backup', true)::text as lsn");
    addDir('pg');
    await walk('');
    const stop = await client.query<{ lsn: string; labelfile: string; spcmapfile: string | null }>(
      'select lsn::text, labelfile, spcmapfile from pg_backup_stop(false)',
    );
    const { labelfile, spcmapfile, lsn } = stop.rows[0]!;
    pack.entry({ name: 'pg/backup_label', mode: 0o600 }, labelfile);
    if (spcmapfile) pack.entry({ name: 'pg/tablespace_map', mode: 0o600 }, spcmapfile);
    // The WAL from the backup's start to its stop (and a little after, harmlessly).
    for (const n of readdirSync(join(pgDir, 'pg_wal')).sort()) {
      const path = join(pgDir, 'pg_wal', n);
      // Its subdirectories (archive_status, summaries) empty; segments and timeline history; not the
      // server's temporary files, which come and go.
      if (existsSync(path) && statSync(path).isDirectory()) addDir(`pg/pg_wal/${n}`);
      else if (/^[0-9A-F]{24}$|\.history$/.test(n)) await addFile(`pg/pg_wal/${n}`, path);
    }
    const password = join(dataDir, 'pg.password');
    if (existsSync(password)) pack.entry({ name: 'pg.password', mode: 0o600 }, readFileSync(password));
    pack.finalize();
    await written;
    return { bytes, files, startLsn: start.rows[0]!.lsn, stopLsn: lsn };
  } catch (err) {
    pack.destroy(err as Error);
    await written.catch(() => {});
    await client.query('select pg_backup_stop(false)').catch(() => {});
    throw err;
  } finally {
    await client.end();
  }
}

/** Unpacks a backup into `dataDir` (which must hold no database), ready for the server to start on. */
export async function restoreBackup(file: string, dataDir: string): Promise<{ files: number }> {
  const pgDir = join(dataDir, 'pg');
  if (existsSync(pgDir)) {
    if (readdirSync(pgDir).length > 0) throw new Error(`${pgDir} is not empty`);
    rmSync(pgDir, { recursive: true });
  }
  mkdirSync(dataDir, { recursive: true });
  mkdirSync(pgDir, { mode: 0o700 });
  let files = 0;
  const extract = tar.extract();
  extract.on('entry', (header, stream, next) => {
    const name = header.name;
    // Only the two things a backup holds, and never a path that climbs out of the data dir.
    if (!(name === 'pg.password' || name === 'pg' || name.startsWith('pg/')) || name.split('/').includes('..')) {
      stream.resume();
      return next(new Error(`unexpected entry in the backup: ${name}`));
    }
    const target = join(dataDir, name);
    if (header.type === 'directory') {
      mkdirSync(target, { recursive: true, mode: 0o700 });
      stream.resume();
      stream.on('end', next);
      return;
    }
    const chunks: Buffer[] = [];
    stream.on('data', (c: unknown) => void chunks.push(c as Buffer));
    stream.on('end', () => {
      writeFileSync(target, Buffer.concat(chunks), { mode: 0o600 });
      files++;
      next();
    });
  });
  await pipeline(Readable.from(createReadStream(file)), createGunzip(), extract);
  giveToServerUser(pgDir);
  return { files };
}
