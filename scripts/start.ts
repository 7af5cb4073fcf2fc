// `npm start`: the Electron app where Electron can run, otherwise the browser preview.
import { spawn } from 'node:child_process';
import { electronBinary } from './electron-binary';

function run(command: string, args: string[]) {
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
