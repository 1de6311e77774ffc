import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { connect } from '../kernel/db/index.ts';
import { type EmbeddedServer, startEmbeddedServer } from '../kernel/db/embedded.ts';
import { migrate } from '../kernel/db/migrate.ts';

/**
 * The server tests run on: the embedded PostgreSQL (one per test run, in a temp dir), or the server at
 * DATABASE_URL (CI's PostgreSQL 15). A migrated template database is made once; each test file
 * clones it (CREATE DATABASE … TEMPLATE), which is much faster than migrating per file.
 */

/** Throwaway data: a test run's server skips the flushes that make a real one durable. */
const THROWAWAY = { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', shared_buffers: '128MB', max_connections: '200' };

export interface TestServer {
  adminUrl: string;
  template: string;
  stop(): Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  let server: EmbeddedServer | null = null;
  let dir: string | null = null;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    dir = mkdtempSync(join(tmpdir(), 'gz-test-pg-'));
    // Under root the server runs as its own user, which must be able to enter the directory.
    chmodSync(dir, 0o755);
    server = await startEmbeddedServer(dir, { settings: THROWAWAY });
    adminUrl = server.adminUrl;
  }
  const template = `gz_template_${randomBytes(5).toString('hex')}`;
  await adminQuery(adminUrl, `create database ${template}`);
  const database = await connect(withDatabase(adminUrl, template), 'pg', { max: 2, unsafe: 'allow' });
  try {
    await migrate(database);
  } finally {
    await database.close();
  }
  return {
    adminUrl,
    template,
    async stop() {
      await adminQuery(adminUrl, `drop database if exists ${template} with (force)`).catch(() => {});
      await server?.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

export async function adminQuery(adminUrl: string, text: string, values: unknown[] = []) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    return await admin.query(text, values);
  } finally {
    await admin.end();
  }
}
