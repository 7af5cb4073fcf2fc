import { isAscii } from 'node:buffer';
import type { RegCommand } from '../registry/reg-exe-backend';
import { iconv, oemCodePageReader } from './code-page';
import { streamRunner, type StreamRunner } from './process-runner';

/** Text as a program writes it, chunk by chunk; `end` once it has stopped (it may still give text). */
export interface TextStream {
  write(chunk: Buffer): void;
  end(): Promise<void>;
}
type Decoder = ReturnType<Awaited<ReturnType<typeof iconv>>['getDecoder']>;

/**
 * consoleDecoder (code-page.ts) for a stream: ASCII as it comes, and from the first byte
 * outside ASCII on, iconv's streaming decoder in the OEM code page, which keeps a double-byte
 * character (932, 936) whole across a chunk boundary. The code page is learnt once, on first
 * need; until it is known the chunks wait, in order, and are decoded when the program ends.
 */
export function consoleStreamDecoder(
  readCodePage: () => Promise<number | null>,
): (onText: (text: string) => void) => TextStream {
  let learnt: { codePage: number | null; lib: Awaited<ReturnType<typeof iconv>> } | undefined;
  let learning: Promise<NonNullable<typeof learnt>> | undefined;
  const learn = () =>
    (learning ??= Promise.all([readCodePage(), iconv()]).then(([codePage, lib]) => (learnt = { codePage, lib })));
  const decoderOf = ({ codePage, lib }: NonNullable<typeof learnt>): Decoder =>
    lib.getDecoder(codePage !== null && lib.encodingExists(`cp${codePage}`) ? `cp${codePage}` : 'utf8');

  return (onText) => {
    let decoder: Decoder | null = null;
    let waiting: Buffer[] | null = null;
    return {
      write(chunk) {
        if (waiting) return void waiting.push(chunk);
        if (decoder) return onText(decoder.write(chunk));
        if (isAscii(chunk)) return onText(chunk.toString('latin1'));
        if (learnt) return onText((decoder = decoderOf(learnt)).write(chunk));
        waiting = [chunk];
        void learn().catch(() => undefined);
      },
      async end() {
        if (waiting) {
          decoder = decoderOf(await learn());
          for (const chunk of waiting) onText(decoder.write(chunk));
          waiting = null;
        }
        const rest = decoder?.end();
        if (rest) onText(rest);
      },
    };
  };
}

/** The streaming runner and the decoder for what console tools write. */
export interface Streaming {
  run: StreamRunner;
  decoderFor(onText: (text: string) => void): TextStream;
}

/** consoleRunner's streaming twin: the same OEM code page, read through reg.exe by its full path. */
export function consoleStreaming(command: RegCommand): Streaming {
  return { run: streamRunner(), decoderFor: consoleStreamDecoder(oemCodePageReader(command)) };
}
