/** Tool output decoded in the OEM code page it was written in, learnt from the registry through reg.exe. */
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import {
  CODE_PAGE_KEY,
  consoleDecoder,
  consoleRunner,
  decodeCodePage,
  parseOemCodePage,
} from '../../../../../electron/services/host/code-page';
import type { RegCommand } from '../../../../../electron/services/registry/reg-exe-backend';
import { parseRegQuery } from '../../../../../electron/services/registry/reg-query-parser';
import { captureBytes, windowsBytes } from '../../../../helpers/captures';
import { tempFolder } from '../../../../helpers/temp-folder';

const regAnswer = (codePage: string) => `\r\n${CODE_PAGE_KEY}\r\n    OEMCP    REG_SZ    ${codePage}\r\n\r\n`;

describe('the OEM code page', () => {
  it("is read from reg query's answer, Windows' and Wine's alike", () => {
    assert.equal(parseOemCodePage(regAnswer('850')), 850);
    assert.equal(parseOemCodePage(regAnswer('932').replace(/\r\n/g, '\n')), 932);
    assert.equal(
      parseOemCodePage('ERROR: The system was unable to find the specified registry key or value.\r\n'),
      null,
    );
  });

  it('decodes the bytes each code page gives the same words', async () => {
    assert.equal(await decodeCodePage(Buffer.from([0x41, 0x42, 0x48, 0x99, 0x52, 0x45, 0x4e]), 850), 'ABHÖREN');
    assert.equal(
      await decodeCodePage(Buffer.from([0x91, 0xae, 0xe1, 0xe2, 0xae, 0xef, 0xad, 0xa8, 0xa5]), 866),
      'Состояние',
    );
    // 表 is 0x95 0x5C in Shift-JIS: its second byte is a backslash, so only the decoded text can be split.
    assert.equal(await decodeCodePage(Buffer.from([0x95, 0x5c, 0x8e, 0xa6]), 932), '表示');
    assert.equal(await decodeCodePage(Buffer.from('Zustand ü', 'utf8'), 65001), 'Zustand ü', '65001 is UTF-8');
  });
});

describe('consoleDecoder', () => {
  it('asks for the code page once, and only when a tool writes something outside ASCII', async () => {
    let asked = 0;
    const decode = consoleDecoder(async () => {
      asked += 1;
      return 850;
    });
    assert.equal(
      await decode(Buffer.from('    MaxUserPort    REG_DWORD    0xfffe\r\n')),
      '    MaxUserPort    REG_DWORD    0xfffe\r\n',
    );
    assert.equal(asked, 0, 'an ASCII answer needs no second process');
    const german = await decode(captureBytes('netstat-ano-de-1.txt', 850));
    assert.match(german, /^ {2}TCP {4}0\.0\.0\.0:80 +0\.0\.0\.0:0 +ABHÖREN +4\r$/m);
    await decode(windowsBytes('Zustand: HERGESTELLT über', 850));
    assert.equal(asked, 1);
  });

  it("keeps reg query's text data exact: a REG_SZ in code page 850 reads back as written", async () => {
    const answer = windowsBytes(
      '\nHKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters\n    TcpTimedWaitDelay    REG_SZ    30 Sekunden (Größe)\n',
      850,
    );
    const values = parseRegQuery(await consoleDecoder(async () => 850)(answer));
    assert.deepEqual(values.TcpTimedWaitDelay, { present: true, type: 'REG_SZ', data: '30 Sekunden (Größe)' });
  });

  it('falls back to UTF-8 when the code page cannot be learnt', async () => {
    const decode = consoleDecoder(async () => null);
    assert.equal(await decode(Buffer.from('Zustand ü', 'utf8')), 'Zustand ü');
  });
});

describe('consoleRunner, on real processes', () => {
  const temp = tempFolder('code-page');
  let reg: RegCommand;
  let tool: string;
  const calls = () =>
    readFile(path.join(temp.path, 'reg-calls.txt'), 'utf8').then(
      (text) => text.trim().split('\n'),
      () => [],
    );

  before(async () => {
    // A reg.exe stand-in: records its arguments and answers as reg.exe does.
    const regScript = path.join(temp.path, 'reg.js');
    await writeFile(
      regScript,
      `require('fs').appendFileSync(${JSON.stringify(path.join(temp.path, 'reg-calls.txt'))}, process.argv.slice(2).join(' ') + '\\n');` +
        `process.stdout.write(${JSON.stringify(regAnswer('866'))}.replace('866', process.env.OEMCP || '866'));`,
    );
    reg = { file: process.execPath, leadingArgs: [regScript], env: process.env, missingMessage: 'no reg' };
    // A console tool writing the bytes of the file it is given, as Windows' tools write to a pipe.
    tool = path.join(temp.path, 'tool.js');
    // The bytes in two writes split at argv[3], as a pipe may deliver them.
    await writeFile(
      tool,
      "const b = require('fs').readFileSync(process.argv[2]); const at = Number(process.argv[3] ?? b.length); process.stdout.write(b.subarray(0, at)); setTimeout(() => process.stdout.write(b.subarray(at)), 50);",
    );
  });

  it("reads a Russian netstat's code page 866 bytes as Russian, asking reg.exe for OEMCP once", async () => {
    const run = consoleRunner(reg);
    const bytes = path.join(temp.path, 'netstat-ru.bin');
    await writeFile(bytes, captureBytes('netstat-ru-1.txt', 866));
    const first = await run(process.execPath, [tool, bytes]);
    assert.equal(first.code, 0);
    assert.match(
      first.stdout,
      /^\r\nАктивные подключения\r\n\r\n {2}Имя {4}Локальный адрес {8}Внешний адрес {10}Состояние\r\n/,
    );
    await run(process.execPath, [tool, bytes]);
    assert.deepEqual(await calls(), [`query ${CODE_PAGE_KEY} /v OEMCP`]);
  });

  it('decodes Shift-JIS (932) whole, even when a character is split between two writes', async () => {
    const run = consoleRunner({ ...reg, env: { ...process.env, OEMCP: '932' } });
    const bytes = path.join(temp.path, 'tasklist-ja.bin');
    const text = '"表計算.exe","5120","Console","1","10,240 K"\r\n';
    await writeFile(bytes, windowsBytes(text, 932));
    // Byte 2 is 表's second byte, 0x5C: a backslash if the halves were decoded apart.
    assert.equal((await run(process.execPath, [tool, bytes, '2'])).stdout, text);
  });
});
