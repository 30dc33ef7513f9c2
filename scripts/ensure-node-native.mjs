// Native modules are built for one runtime at a time: `npm start` rebuilds them for Electron
// (electron-builder install-app-deps). The Node-side commands (tests, the web build, benchmarks) call
// this first, and it rebuilds better-sqlite3 for Node only when the current build cannot load here.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
try {
  const Database = require('better-sqlite3');
  new Database(':memory:').close();
} catch (error) {
  if (!/NODE_MODULE_VERSION|was compiled against a different Node.js version/.test(String(error)))
    throw error;
  console.log('better-sqlite3 was built for Electron; rebuilding it for Node (about a minute)…');
  const rebuild = spawnSync('npm', ['rebuild', 'better-sqlite3'], { stdio: 'inherit' });
  process.exit(rebuild.status ?? 1);
}
