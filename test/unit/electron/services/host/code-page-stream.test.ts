// Console tools write the OEM code page; the live sample decodes it as it arrives, chunk by chunk.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import iconv from 'iconv-lite';
import { consoleStreamDecoder } from '../../../../../electron/services/host/code-page-stream';

async function decodeInChunks(
  bytes: Buffer,
  sizes: number[],
  codePage: number | null,
  asked: { count: number },
): Promise<string> {
  let text = '';
  const stream = consoleStreamDecoder(async () => (asked.count++, codePage))((piece) => (text += piece));
  let at = 0;
  for (const size of sizes) stream.write(bytes.subarray(at, (at += size)));
  stream.write(bytes.subarray(at));
  await stream.end();
  return text;
}

describe('the streaming console decoder', () => {
  it('keeps a double-byte character whole when a chunk ends on its first byte (code page 932, second byte a backslash)', async () => {
    const text = 'ASCII first\r\n  TCP  表計算 5120\r\n';
    const bytes = iconv.encode(text, 'cp932');
    const cut = bytes.indexOf(0x95); // 表's first byte; its second is 0x5c, a backslash in ASCII.
    assert.equal(bytes[cut + 1], 0x5c);
    const asked = { count: 0 };
    assert.equal(await decodeInChunks(bytes, [cut + 1, 3], 932, asked), text);
    assert.equal(asked.count, 1, 'the code page is learnt once, at the first byte outside ASCII');
  });

  it('never asks for the code page while the text is ASCII', async () => {
    const asked = { count: 0 };
    assert.equal(
      await decodeInChunks(
        Buffer.from('  TCP    10.0.0.4:50123    10.0.0.5:3306    TIME_WAIT    0\r\n'),
        [7, 7],
        866,
        asked,
      ),
      '  TCP    10.0.0.4:50123    10.0.0.5:3306    TIME_WAIT    0\r\n',
    );
    assert.equal(asked.count, 0);
  });

  it('reads Cyrillic in code page 866, and UTF-8 where the code page is not known', async () => {
    assert.equal(
      await decodeInChunks(iconv.encode('Активные подключения', 'cp866'), [1, 2], 866, { count: 0 }),
      'Активные подключения',
    );
    assert.equal(await decodeInChunks(Buffer.from('Состояние', 'utf8'), [1], null, { count: 0 }), 'Состояние');
  });
});
