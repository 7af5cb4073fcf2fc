// Bundles each part for where it runs. `--preview` adds the browser-preview page; the packaged
// app never contains it.
import { build } from 'esbuild';
import { cp, mkdir, rm } from 'node:fs/promises';

const production = process.env.NODE_ENV !== 'development';
// require() rather than import() for the packages left external, which sit inside app.asar once packaged.
const common = {
  bundle: true,
  supported: { 'dynamic-import': false },
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};
// Shipped as packages in app.asar (package.json's dependencies): iconv-lite's code-page tables are
// 480 KB that every start would otherwise parse, though only output outside ASCII needs them.
const runtimePackages = ['regedit', 'iconv-lite'];
const define = { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') };

async function renderer(outdir, entry) {
  await build({
    ...common,
    define,
    entryPoints: { app: entry },
    outdir,
    platform: 'browser',
    format: 'iife',
    target: 'chrome120',
    jsx: 'automatic',
  });
  await cp('renderer/index.html', `${outdir}/index.html`);
}

await rm('dist', { recursive: true, force: true });
await mkdir('dist', { recursive: true });
await renderer('dist/renderer', 'renderer/main.tsx');
await build({
  ...common,
  entryPoints: { main: 'electron/main/main.ts' },
  outfile: 'dist/electron/main.cjs',
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  external: ['electron', ...runtimePackages],
});
await build({
  ...common,
  entryPoints: { preload: 'electron/preload/preload.ts' },
  outfile: 'dist/electron/preload.cjs',
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  external: ['electron'],
});
await build({
  ...common,
  entryPoints: { cli: 'electron/cli/tcp-port-tuner.ts' },
  outfile: 'dist/cli/tcp-port-tuner.cjs',
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: runtimePackages,
});
if (process.argv.includes('--preview')) await renderer('dist/preview', 'renderer/preview-entry.tsx');
