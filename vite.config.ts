import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app lives in web/ and is built into dist/web, which `kontor serve` serves beside the API.
export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: { outDir: '../dist/web', emptyOutDir: true, chunkSizeWarningLimit: 900 },
  // `npm run dev:web` proxies the API to a `kontor serve` on port 3000.
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
