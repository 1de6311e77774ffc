import { startTestServer, type TestServer } from './test-database.ts';

/**
 * `npm test`'s global setup (node --test-global-setup): one database server and one migrated template
 * for the whole run, handed to the test files (their own processes) through the environment.
 */
let server: TestServer | null = null;

export async function globalSetup() {
  server = await startTestServer();
  process.env.GZ_TEST_ADMIN_URL = server.adminUrl;
  process.env.GZ_TEST_TEMPLATE = server.template;
}

export async function globalTeardown() {
  await server?.stop();
}
