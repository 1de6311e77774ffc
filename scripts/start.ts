import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

/** `npm start`: build the two web shells on first run, then start the server. */
const root = new URL('../', import.meta.url).pathname;
if (!existsSync(`${root}dist/web/index.html`) || process.env.GZ_REBUILD_WEB === 'true') {
  process.stdout.write('Building the web shells (first run) …\n');
  const r = spawnSync(process.execPath, [`${root}node_modules/vite/bin/vite.js`, 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const { main } = await import('../server/main.ts');
await main();
