import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The build goes to web/target/webui, which Maven packages as META-INF/resources (outside src/, so a build
// never looks like a source change to deploy/local/build.sh). `npm run dev` proxies the API to the local
// stack's web module, so the dev server is one origin too.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: '../../../target/webui',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 400,
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:8080', '/config.json': 'http://127.0.0.1:8080' },
  },
  test: { environment: 'node', include: ['src/**/*.test.ts'] },
});
