// Makes out/web: the built renderer plus the web preload, for `npm run web` and the e2e tests.
// The web preload is a classic script in <head>, so `window.desk` exists before the app's module runs.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const out = 'out/web';
rmSync(out, { recursive: true, force: true });
cpSync('out/renderer', out, { recursive: true });
await build({
  entryPoints: ['preload/web-bridge.ts'],
  outfile: `${out}/desk-web-bridge.js`,
  bundle: true,
  format: 'iife',
  target: 'es2022',
  minify: true,
  logLevel: 'warning',
});
const indexPath = `${out}/index.html`;
const html = readFileSync(indexPath, 'utf8');
if (!html.includes('<head>')) throw new Error('out/renderer/index.html has no <head>');
writeFileSync(indexPath, html.replace('<head>', '<head>\n    <script src="./desk-web-bridge.js"></script>'));
console.log('web build: out/web');
