import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Hono } from 'hono';
import type { AppEnv } from './env.js';

// Swagger UI from the installed swagger-ui-dist package: the docs work offline, at a pinned version.
const SWAGGER_DIR = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const ASSETS = { 'swagger-ui.css': 'text/css', 'swagger-ui-bundle.js': 'text/javascript' } as const;

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Wattbill API</title>
    <link rel="stylesheet" href="/api/docs/swagger-ui.css" />
  </head>
  <body>
    <div id="docs"></div>
    <script src="/api/docs/swagger-ui-bundle.js"></script>
    <script>SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#docs', persistAuthorization: true });</script>
  </body>
</html>`;

export function serveApiDocs(app: Hono<AppEnv>) {
  app.get('/api/docs', (c) => c.html(PAGE));
  app.get('/api/docs/', (c) => c.redirect('/api/docs'));
  for (const [file, type] of Object.entries(ASSETS)) {
    const body = fs.readFileSync(path.join(SWAGGER_DIR, file));
    app.get(`/api/docs/${file}`, (c) => c.body(body, 200, { 'content-type': type, 'cache-control': 'public, max-age=86400' }));
  }
}
