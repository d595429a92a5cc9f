import fs from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import type { AppEnv } from './env.js';

/** Serves the built web front ends (web/dist); any other non-API path gets the single-page app. */
export function serveWebApp(app: Hono<AppEnv>, distDir: string) {
  const index = path.join(distDir, 'index.html');
  const root = path.relative(process.cwd(), distDir);
  app.use('/assets/*', serveStatic({ root }));
  app.get('*', async (c, next) => {
    if (c.req.path.startsWith('/api/')) return next();
    const file = path.join(distDir, path.normalize(c.req.path));
    if (file.startsWith(distDir) && c.req.path !== '/' && fs.existsSync(file) && fs.statSync(file).isFile()) {
      return serveStatic({ root })(c, next);
    }
    // a missing file (an old asset after a deploy, a favicon) is a 404, not the app's page
    if (path.extname(c.req.path) !== '') return c.text('Not found', 404);
    if (!fs.existsSync(index)) return c.text('The web app is not built: run `npm run build:web`.', 503);
    return c.html(fs.readFileSync(index, 'utf8'));
  });
}
