import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// One entry per front end; the portal will add `portal: 'portal/index.html'` beside the back office.
export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // React + Mantine (with dates and notifications) + dayjs + TanStack + i18next make a ~710 kB (215 kB gzip)
    // vendor chunk: fine for a back office.
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      input: { backoffice: fileURLToPath(new URL('index.html', import.meta.url)) },
      // Libraries change less often than our code: a separate chunk stays cached across releases.
      output: { codeSplitting: { groups: [{ name: 'vendor', test: /node_modules/ }] } },
    },
  },
  server: {
    // For hot reload: `npm run dev` serves the API on :3000, `npx vite --config web/vite.config.ts` the UI.
    proxy: { '/api': 'http://localhost:3000' },
  },
});
