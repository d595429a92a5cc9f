// `npm start` builds the web app only when web/dist is missing or older than a source under web/
// (a second start, or one refused because another process holds DATA_DIR, then costs no build).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const built = path.join('web', 'dist', 'index.html');

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (full !== path.join('web', 'dist')) newest = Math.max(newest, newestSource(full));
    } else {
      newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  }
  return newest;
}

const stale = !fs.existsSync(built) || fs.statSync(built).mtimeMs < Math.max(newestSource('web'), fs.statSync('package-lock.json').mtimeMs);
if (stale) execFileSync('npm', ['run', 'build:web'], { stdio: 'inherit' });
