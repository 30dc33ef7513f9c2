// Makes out/web: the built renderer plus the web preload, for `npm run web` and the e2e tests.
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
if (!html.includes('</head>')) throw new Error('out/renderer/index.html has no </head>');
// Classic scripts run before module scripts, so the bridge is in place before the app starts.
writeFileSync(
  indexPath,
  html.replace('</head>', '  <script src="./desk-web-bridge.js"></script>\n  </head>'),
);
console.log('web build: out/web');
