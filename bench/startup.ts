/**
 * Start-up of the server on an empty embedded database (migrate + seed the demo) and a second start
 * on the same data: the time from spawning the process to its first `GET /api/health` answer.
 * Run: npx tsx bench/startup.ts
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

async function timeToHealthy(dataDir: string, port: number): Promise<number> {
  const started = performance.now();
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port) },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      if (performance.now() - started > 120_000) throw new Error('the server did not start in 120 s');
      const healthy = await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (healthy) return performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
  }
}

export async function benchStartup() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wattbill-startup-'));
  try {
    const firstStartMs = await timeToHealthy(dataDir, 3950);
    const secondStartMs = await timeToHealthy(dataDir, 3951);
    console.log(
      `start-up: first start (migrate + seed the demo) ${(firstStartMs / 1000).toFixed(1)} s; second start ${(secondStartMs / 1000).toFixed(1)} s`,
    );
    return { firstStartMs, secondStartMs };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchStartup();
