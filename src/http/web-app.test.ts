import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import type { AppEnv } from './env.js';
import { serveWebApp } from './web-app.js';

const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'wattbill-dist-'));
fs.mkdirSync(path.join(dist, 'assets'));
fs.writeFileSync(path.join(dist, 'index.html'), '<html>app</html>');
fs.writeFileSync(path.join(dist, 'assets', 'app.js'), 'console.log(1)');
fs.writeFileSync(path.join(os.tmpdir(), 'wattbill-secret.txt'), 'secret');
afterAll(() => fs.rmSync(dist, { recursive: true, force: true }));

const app = new Hono<AppEnv>();
serveWebApp(app, dist);

describe('serving the web app', () => {
  it('serves its assets, and the app page on any route of the app', async () => {
    expect(await (await app.request('/assets/app.js')).text()).toBe('console.log(1)');
    for (const route of ['/', '/orgs/x/unbilled', '/contracts']) expect(await (await app.request(route)).text()).toBe('<html>app</html>');
  });

  it('answers 404 for a missing file instead of the app page', async () => {
    for (const missing of ['/assets/old-build.js', '/favicon.ico']) expect((await app.request(missing)).status).toBe(404);
  });

  it('never serves a file outside its folder', async () => {
    for (const escape of ['/../wattbill-secret.txt', '/assets/../../wattbill-secret.txt', '/%2e%2e/wattbill-secret.txt']) {
      expect(await (await app.request(escape)).text()).not.toContain('secret');
    }
  });
});
