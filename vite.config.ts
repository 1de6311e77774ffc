import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const web = fileURLToPath(new URL('./web/', import.meta.url));

/**
 * In dev, deep links into the resident H5 (/h5/me) must get the H5 shell, as the server does in
 * production; Vite's own fallback would hand them the workbench.
 */
const h5Fallback = (): Plugin => ({
  name: 'gz-h5-fallback',
  configureServer(server) {
    server.middlewares.use((req, _res, next) => {
      const path = req.url?.split('?')[0] ?? '';
      if (path.startsWith('/h5') && !path.includes('.') && req.headers.accept?.includes('text/html')) req.url = '/h5/index.html';
      next();
    });
  },
});

/**
 * Every text asset also as .br and .gz beside it, compressed once at build time at the highest
 * levels (too slow per request, free here); the server sends the one the browser accepts.
 */
const precompress = (): Plugin => ({
  name: 'gz-precompress',
  apply: 'build',
  writeBundle(options, bundle) {
    for (const name of Object.keys(bundle)) {
      if (!/\.(js|css|html|svg|json|txt)$/.test(name)) continue;
      const path = join(options.dir!, name);
      const content = readFileSync(path);
      if (content.length < 1024) continue;
      writeFileSync(`${path}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } }));
      writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
    }
  },
});

/**
 * Two shells in one build: the staff workbench (web/index.html, served at /) and the resident H5
 * (web/h5/index.html, served at /h5/). Assets use absolute /assets/ URLs so both resolve them.
 */
export default defineConfig({
  root: web,
  base: '/',
  plugins: [react(), h5Fallback(), precompress()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web/', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      input: { workbench: `${web}index.html`, resident: `${web}h5/index.html` },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
