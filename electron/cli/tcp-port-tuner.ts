// The command-line entry: `npm run cli`, and dist/cli/tcp-port-tuner.cjs once built.
import { runCli } from './run-cli';

runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
