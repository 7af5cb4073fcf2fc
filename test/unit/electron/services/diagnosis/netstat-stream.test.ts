/**
 * The live sample reads netstat while it writes; it must answer exactly what reading the whole
 * output answers: the same sample (and diagnosis figures) on every real capture and on a
 * generated 70,000-row table, however the bytes are cut into chunks, and the same failure,
 * naming the same line, where the output cannot be read.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { sampleOf } from '../../../../../shared/pool-sample';
import { decodeCodePage } from '../../../../../electron/services/host/code-page';
import { consoleStreamDecoder } from '../../../../../electron/services/host/code-page-stream';
import { DiagnosisService } from '../../../../../electron/services/diagnosis/diagnosis-service';
import { NetstatStream } from '../../../../../electron/services/diagnosis/netstat-stream';
import type { Context, Read } from '../../../../../electron/services/diagnosis/reads';
import { parseTasklist } from '../../../../../electron/services/diagnosis/tasklist';
import { captureText, windowsBytes, windowsFixture } from '../../../../helpers/captures';
import { generatedNetstat, netstatTable } from '../../../../helpers/netstat-tables';
import { referenceSummary } from '../../../../helpers/netstat-reference';

const names = parseTasklist(readFileSync(path.resolve(__dirname, '../../../../fixtures/windows/tasklist.csv'), 'utf8'));
const context: Context = {
  names: { ok: true, value: names },
  dynamic: {
    ipv4: { ok: true, value: { start: 49152, count: 16384 } },
    ipv6: { ok: true, value: { start: 49152, count: 16384 } },
  },
  excluded: { ipv4: { ok: true, value: [] }, ipv6: { ok: true, value: [] } },
  events: { ok: false, reason: 'not asked' },
  values: { ok: false, reason: 'not asked' },
};

/** Everything the sample and the diagnosis take from the sockets, composed as the product does. */
function answer(
  sockets: Read<Parameters<DiagnosisService['compose']>[0] extends Read<infer T> ? T : never>,
  nativeNetstat: boolean,
) {
  const diagnosis = new DiagnosisService({ nativeNetstat } as never).compose(sockets, context);
  return {
    sample: sampleOf(diagnosis, 0),
    tcp: diagnosis.tcp,
    listening: diagnosis.ports.listening,
    unavailable: diagnosis.unavailable,
  };
}
const attempt = <T>(work: () => T): Read<T> => {
  try {
    return { ok: true, value: work() };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
};

/** The reference: the whole output decoded, parsed into one object per row, then counted (test/helpers/netstat-reference.ts). */
async function whole(bytes: Buffer, codePage: number, nativeNetstat = true) {
  const text = await decodeCodePage(bytes, codePage);
  return answer(
    attempt(() => referenceSummary(text)),
    nativeNetstat,
  );
}

/** The live sample's read: the bytes in the given chunks through the streaming decoder and reader. */
async function streamed(bytes: Buffer, codePage: number, cuts: number[], nativeNetstat = true) {
  const reader = new NetstatStream();
  const decoder = consoleStreamDecoder(async () => codePage)(reader.write);
  const bounds = [0, ...[...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b), bytes.length];
  const tally = await (async () => {
    for (let i = 1; i < bounds.length; i++) decoder.write(bytes.subarray(bounds[i - 1], bounds[i]));
    await decoder.end();
    return reader.end();
  })().then(
    (value) => ({ ok: true as const, value }),
    (error: Error) => ({ ok: false as const, reason: error.message }),
  );
  return answer(tally, nativeNetstat);
}

const CAPTURES: [string, string, number][] = [
  ['netstat-ano-de-1.txt (German, 850)', captureText('netstat-ano-de-1.txt'), 850],
  ['netstat-ano-de-2.txt (German, 850)', captureText('netstat-ano-de-2.txt'), 850],
  ['netstat-ru-1.txt (Russian, 866; names ports, so refused)', captureText('netstat-ru-1.txt'), 866],
  ...['netstat-en.txt', 'netstat-de.txt', 'netstat-anoq-en.txt', 'netstat-server.txt'].map(
    (name): [string, string, number] => [name, windowsFixture(name), 850],
  ),
];

describe('nothing above the header is dropped', () => {
  it('a row above the column header fails the read at that row, naming it', () => {
    const reader = new NetstatStream();
    assert.throws(
      () => {
        reader.write('  TCP    10.0.0.4:50123         10.0.0.5:3306          TIME_WAIT       0\r\n');
        reader.write('  Proto  Local Address          Foreign Address        State           PID\r\n');
      },
      {
        message:
          'netstat\'s answer had no column header (it began "TCP    10.0.0.4:50123         10.0.0.5:3306          TIME_WAIT       0")',
      },
    );
    assert.equal(reader.tally.tcp(null, true).remotes.length, 0, 'and nothing was counted');
  });
});

describe('the streamed sample equals the whole-output sample', () => {
  for (const [name, text, codePage] of CAPTURES) {
    it(`on ${name}, however netstat's bytes are cut`, async () => {
      const bytes = windowsBytes(text, codePage);
      const expected = await whole(bytes, codePage);
      await fc.assert(
        fc.asyncProperty(fc.array(fc.nat(bytes.length), { maxLength: 40 }), async (cuts) =>
          assert.deepEqual(await streamed(bytes, codePage, cuts), expected),
        ),
        { numRuns: 30 },
      );
    });
  }

  it('the Russian capture with its named ports taken out reads, Cyrillic header and all', async () => {
    const numeric = captureText('netstat-ru-1.txt')
      .split('\n')
      .filter((line) => !/^\s+TCP\s/.test(line) || /:\d+\s+\S+:\d+\s/.test(line))
      .join('\n');
    const bytes = windowsBytes(numeric, 866);
    const expected = await whole(bytes, 866);
    assert.equal(expected.unavailable.tcp, undefined, 'read whole, it is read');
    assert.deepEqual(await streamed(bytes, 866, [1, 50, 51, 52, 333]), expected);
  });

  it('on a generated 70,000-row table (listening rows after the connections on their ports, IPv6, BOUND, PIDs)', async () => {
    const bytes = windowsBytes(netstatTable(70_000), 437);
    const expected = await whole(bytes, 437);
    assert.equal(expected.sample.tcp?.sockets, 70_000);
    assert.ok((expected.tcp?.timeWait.onListeningPorts ?? 0) > 0, 'the table holds server-side TIME_WAIT');
    assert.deepEqual(await streamed(bytes, 437, [65_536, 131_072, 131_073, 500_001]), expected);
  });

  it('on any table netstat could print, Wine-shaped or Windows-shaped, with any line that cannot be read', async () => {
    await fc.assert(
      fc.asyncProperty(
        generatedNetstat,
        fc.array(fc.nat(), { maxLength: 20 }),
        fc.boolean(),
        async (text, cuts, nativeNetstat) => {
          const bytes = windowsBytes(text, 850);
          assert.deepEqual(await streamed(bytes, 850, cuts, nativeNetstat), await whole(bytes, 850, nativeNetstat));
        },
      ),
      { numRuns: 200 },
    );
  });
});
