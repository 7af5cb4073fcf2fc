// `npm start`: the Electron app where Electron can run, otherwise the browser preview.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

// Read where electron's installer put the binary: require('electron') would try to download it.
function electronBinary() {
  const dir = path.resolve('node_modules/electron');
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

function run(command, args) {
  const child = spawn(command, args, { stdio: 'inherit' });
  child.on('exit', (code) => {
    if (code !== 0) process.exit(code ?? 1);
  });
  return child;
}

const binary = electronBinary();
const build = run(process.execPath, ['scripts/build.mjs', ...(binary ? [] : ['--preview'])]);
build.on('exit', (code) => {
  if (code !== 0) return;
  if (binary) {
    run(binary, ['.']);
  } else {
    console.log('Electron cannot run on this machine: starting the browser preview instead.');
    run(process.execPath, ['--import', 'tsx', 'electron/preview/server.ts']);
  }
});
