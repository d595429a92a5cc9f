import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { RESULTS_DIR } from './paths.js';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
// The first start migrates a fresh database and seeds the demo data.
const STARTUP_TIMEOUT_MS = 120_000;

/**
 * Starts the real server once for all e2e files, on a fresh data directory and a fixed billing "today",
 * so the seeded demo data is the same on every run. `E2E_BASE_URL` points the tests at a running server instead.
 */
export default async function startServer(project: TestProject) {
  const external = process.env.E2E_BASE_URL;
  if (external) {
    project.provide('baseUrl', external.replace(/\/$/, ''));
    return;
  }
  if (!existsSync(join(REPO_ROOT, 'web/dist/index.html'))) {
    throw new Error('web/dist is missing: run `npm run build:web` first (`npm run test:e2e` does).');
  }

  await mkdir(RESULTS_DIR, { recursive: true });
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'wattbill-e2e-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  const log = createWriteStream(join(RESULTS_DIR, 'server.log'));
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, WATTBILL_TODAY: '2026-12-03' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.pipe(log);
  server.stderr?.pipe(log);

  try {
    await waitUntilHealthy(baseUrl, server);
  } catch (error) {
    await stop(server);
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  project.provide('baseUrl', baseUrl);

  return async () => {
    await stop(server);
    log.end();
    await rm(dataDir, { recursive: true, force: true });
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitUntilHealthy(baseUrl: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) {
      throw new Error(`the server exited with code ${server.exitCode}; see ${join(RESULTS_DIR, 'server.log')}`);
    }
    const healthy = await fetch(`${baseUrl}/api/health`).then(
      (response) => response.status === 200,
      () => false,
    );
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the server was not healthy within ${STARTUP_TIMEOUT_MS / 1000} s; see ${join(RESULTS_DIR, 'server.log')}`);
}

async function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), 10_000); // PGlite flushes on SIGTERM; don't wait forever
  await exited;
  clearTimeout(timer);
}
