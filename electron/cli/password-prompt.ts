import { TunerError } from '../services/errors';

/**
 * Asks for a password on the terminal without echoing it. What is typed stays in this
 * process's memory for the login and goes nowhere else.
 */
export function promptPassword(question: string): Promise<string> {
  const input = process.stdin;
  process.stderr.write(question);
  input.setRawMode(true);
  input.setEncoding('utf8');
  input.resume();
  return new Promise((resolve, reject) => {
    let typed = '';
    const done = () => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
    };
    const onData = (chars: string) => {
      for (const char of chars) {
        if (char === '\r' || char === '\n') {
          done();
          return resolve(typed);
        }
        if (char === '\u0003') {
          done();
          return reject(new TunerError('invalid-input', 'Cancelled at the password prompt. Nothing was sent.'));
        }
        typed = char === '\u007f' || char === '\b' ? typed.slice(0, -1) : typed + char;
      }
    };
    input.on('data', onData);
  });
}
