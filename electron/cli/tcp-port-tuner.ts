// The command-line entry: `npm run cli`, and dist/cli/tcp-port-tuner.cjs once built.
import { errnoOf } from '../services/errors';
import { runCli } from './run-cli';

// A reader that stops early (`status | head -c1`) closes the pipe: that is the reader's choice,
// not a failure, so the CLI ends quietly instead of printing Node's stack for the EPIPE. Other
// write errors stay loud.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (errnoOf(error) !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}

runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
