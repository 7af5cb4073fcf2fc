/**
 * The change exported for other servers' engines: each format against a golden file (set
 * UPDATE_GOLDEN=1 to rewrite them on purpose), parsed as its engine would, and refused plainly
 * where it cannot carry the change.
 */
import assert from 'node:assert/strict';
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { lstat, mkdir, readdir, readFile, readlink, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { load } from 'js-yaml';
import { TunerError } from '../../../../../electron/services/errors';
import type { ExportChange, ExportOptions } from '../../../../../electron/services/export/export-change';
import { renderExport, writeExportFile } from '../../../../../electron/services/export/export-service';
import { gpoRegistryXml } from '../../../../../electron/services/export/gpo-format';
import { decodeRegFile } from '../../../../../electron/services/registry/reg-file';
import { freshPath, makeTempRoot, removeTempRoot, runCli } from '../../../../helpers/wine';
const GOLDEN = path.resolve(__dirname, '../../../../fixtures/export');
const AT = new Date('2026-11-25T10:00:00.000Z');
const CHANGE: ExportChange = { registry: { MaxUserPort: 65534, TcpTimedWaitDelay: 30 }, dynamicRange: null };
const WITH_RANGE: ExportChange = { ...CHANGE, dynamicRange: { start: 33061, count: 32475 } };
const options = (undo: boolean): ExportOptions => ({ undo, generatedAt: AT, toolVersion: '9.9.9' });
const onPath = (tool: string) => {
  try {
    execFileSync('which', [tool]);
    return true;
  } catch {
    return false;
  }
};

function golden(name: string, content: Buffer): void {
  const file = path.join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, content);
  assert.ok(existsSync(file), `${name} has no golden file: run with UPDATE_GOLDEN=1 and review it`);
  assert.deepEqual(content, readFileSync(file), `${name} differs from its golden file`);
}

describe('export formats', () => {
  let root: string;
  before(async () => {
    root = await makeTempRoot('export');
  });
  after(() => removeTempRoot(root));

  it('.reg: what reg export writes (UTF-16LE, BOM, CRLF), dword values, and "Name"=- to undo', () => {
    const set = renderExport('reg', CHANGE, options(false));
    const undo = renderExport('reg', CHANGE, options(true));
    golden('set.reg', set.content);
    golden('undo.reg', undo.content);
    assert.deepEqual([...set.content.subarray(0, 2)], [0xff, 0xfe]);
    const text = decodeRegFile(set.content);
    assert.match(text, /^Windows Registry Editor Version 5\.00\r\n/);
    assert.doesNotMatch(text.replace(/\r\n/g, ''), /\n/, 'every line ends in CRLF');
    assert.match(text, /\r\n"MaxUserPort"=dword:0000fffe\r\n"TcpTimedWaitDelay"=dword:0000001e\r\n/);
    assert.match(decodeRegFile(undo.content), /\r\n"MaxUserPort"=-\r\n"TcpTimedWaitDelay"=-\r\n/);
    assert.equal(undo.suggestedName, 'tcp-port-tuner-undo.reg');
  });

  it('Ansible: one win_regedit task per value with exactly the chosen data, absent to undo, reboot off by default', () => {
    for (const undo of [false, true]) {
      const { content } = renderExport('ansible', WITH_RANGE, options(undo));
      golden(undo ? 'undo.yml' : 'set.yml', content);
      const [play] = load(content.toString('utf8')) as {
        vars: Record<string, unknown>;
        tasks: Record<string, Record<string, unknown> & { when?: string }>[];
      }[];
      assert.equal(play.vars.tcp_port_tuner_reboot, false);
      const registry = play.tasks.flatMap((task) =>
        task['ansible.windows.win_regedit'] ? [task['ansible.windows.win_regedit']] : [],
      );
      const expected = undo
        ? ['MaxUserPort', 'TcpTimedWaitDelay'].map((name) => ({
            path: 'HKLM:\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters',
            name,
            state: 'absent',
          }))
        : [
            {
              path: 'HKLM:\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters',
              name: 'MaxUserPort',
              data: 65534,
              type: 'dword',
              state: 'present',
            },
            {
              path: 'HKLM:\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters',
              name: 'TcpTimedWaitDelay',
              data: 30,
              type: 'dword',
              state: 'present',
            },
          ];
      assert.deepEqual(registry, expected);
      const netsh = play.tasks.flatMap((task) =>
        task['ansible.windows.win_command'] ? [(task['ansible.windows.win_command'] as { cmd: string }).cmd] : [],
      );
      const range = undo ? 'start=49152 num=16384' : 'start=33061 num=32475';
      assert.deepEqual(netsh, [
        `netsh int ipv4 set dynamicport tcp ${range}`,
        `netsh int ipv6 set dynamicport tcp ${range}`,
      ]);
      assert.equal(play.tasks.at(-1)?.when, 'tcp_port_tuner_reboot | bool');
    }
  });

  it(
    'Ansible: ansible-playbook --syntax-check accepts both playbooks',
    {
      skip: onPath('ansible-playbook')
        ? false
        : 'ansible-playbook is not installed (scripts/setup.sh installs Debian ansible)',
    },
    async () => {
      for (const undo of [false, true]) {
        const file = path.join(root, undo ? 'undo.yml' : 'set.yml');
        await writeFile(file, renderExport('ansible', WITH_RANGE, options(undo)).content);
        await promisify(execFile)('ansible-playbook', ['--syntax-check', '-i', 'localhost,', file], {
          env: { ...process.env, ANSIBLE_LOCAL_TEMP: root, ANSIBLE_HOME: root },
        });
      }
    },
  );

  it('Group Policy: a Registry.xml of [MS-GPPREF] Registry items, Update to set, Delete to undo, values as 8 hex digits', async () => {
    let n = 0;
    const uid = () => `{00000000-0000-0000-0000-00000000000${++n}}`;
    const set = gpoRegistryXml(CHANGE, options(false), uid);
    const undo = gpoRegistryXml(CHANGE, options(true), uid);
    golden('set-Registry.xml', set);
    golden('undo-Registry.xml', undo);
    const text = set.toString('utf8');
    // Only the element and attribute names the specification gives these items.
    const allowed: Record<string, string[]> = {
      RegistrySettings: ['clsid', 'disabled'],
      Registry: [
        'clsid',
        'name',
        'status',
        'image',
        'changed',
        'uid',
        'desc',
        'bypassErrors',
        'userContext',
        'removePolicy',
        'disabled',
      ],
      Properties: ['action', 'displayDecimal', 'default', 'hive', 'key', 'name', 'type', 'value'],
    };
    for (const [, element, attributes] of text.matchAll(/<(\w+)((?:\s+\w+="[^"]*")*)\s*\/?>/g)) {
      assert.ok(element in allowed, `element ${element}`);
      for (const [, name] of attributes.matchAll(/(\w+)=/g))
        assert.ok(allowed[element].includes(name), `${element}@${name}`);
    }
    assert.deepEqual(
      [...text.matchAll(/name="(\w+)" type="REG_DWORD" value="(\w*)"/g)].map((match) => [match[1], match[2]]),
      [
        ['MaxUserPort', '0000fffe'],
        ['TcpTimedWaitDelay', '0000001e'],
      ],
    );
    assert.deepEqual(
      [...undo.toString('utf8').matchAll(/action="(\w)"/g)].map((match) => match[1]),
      ['D', 'D'],
    );
    assert.equal(
      new Set([...text.matchAll(/uid="([^"]+)"/g)].map((match) => match[1])).size,
      2,
      'each item has its own uid',
    );
    if (onPath('xmllint')) {
      const file = path.join(root, 'Registry.xml');
      await writeFile(file, set);
      await promisify(execFile)('xmllint', ['--noout', file]);
    }
  });

  it('PowerShell: backs up, sets DWords with New-ItemProperty -Force, reads back, carries the range, supports -WhatIf and -Undo', () => {
    const { content } = renderExport('powershell', WITH_RANGE, options(false));
    golden('set.ps1', content);
    const script = content.toString('utf8');
    assert.match(script, /\[CmdletBinding\(SupportsShouldProcess = \$true\)\]/);
    assert.match(script, /param\(\[switch\]\$Undo\)/);
    assert.match(script, /& reg\.exe export 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters' \$File \/y/);
    assert.match(script, /New-ItemProperty -Path \$Key -Name \$Name -PropertyType DWord -Value \$Want -Force/);
    assert.match(script, /'MaxUserPort' = 65534\r\n    'TcpTimedWaitDelay' = 30\r\n/);
    assert.match(script, /\$Range = @\{ Start = 33061; Count = 32475 \}/);
    assert.match(script, /already set to \$Want/);
    assert.match(script, /exit 1/);
    // PSScriptAnalyzer's default rules: no aliases of common cmdlets, no Write-Host.
    for (const alias of [
      /\bgci\b/,
      /\bls\b/,
      /\bcd\b/,
      /\b%\s*\{/,
      /\?\s*\{/,
      /\bsls\b/,
      /\bgp\b/,
      /\bsp\b/,
      /\becho\b/,
      /Write-Host/,
    ])
      assert.doesNotMatch(script, alias);
    assert.match(
      renderExport('powershell', CHANGE, options(true)).content.toString('utf8'),
      /param\(\[switch\]\$Undo = \$true\)/,
    );
  });

  it('refuses what a format cannot carry, and an empty change, writing nothing', () => {
    for (const format of ['reg', 'gpo'] as const) {
      assert.throws(
        () => renderExport(format, WITH_RANGE, options(false)),
        (error: TunerError) =>
          error.kind === 'invalid-input' &&
          /cannot (carry|set) the dynamic port range .*export it as powershell or ansible/.test(error.message),
      );
    }
    assert.throws(
      () => renderExport('ansible', { registry: {}, dynamicRange: null }, options(false)),
      /Nothing to export: choose at least one value\. No file was written\./,
    );
  });

  it('writes whole or not at all, and replaces a file only when told to', async () => {
    const dir = freshPath(root, 'out');
    await mkdir(dir);
    const file = path.join(dir, 'tcp-port-tuner.reg');
    await writeExportFile(file, Buffer.from('one'), { force: false });
    await assert.rejects(
      writeExportFile(file, Buffer.from('two'), { force: false }),
      (error: TunerError) =>
        error.kind === 'invalid-input' &&
        error.message === `${file} exists already. Nothing was written; use --force to replace it.`,
    );
    assert.equal(await readFile(file, 'utf8'), 'one');
    await writeExportFile(file, Buffer.from('two'), { force: true });
    assert.equal(await readFile(file, 'utf8'), 'two');
    await assert.rejects(
      writeExportFile(path.join(dir, 'missing', 'x.reg'), Buffer.from('x'), { force: false }),
      /Could not write .*missing\/x\.reg: .*Nothing was written\./,
    );
    assert.deepEqual((await readdir(dir)).sort(), ['tcp-port-tuner.reg'], 'no temporary file left behind');
  });
});

/**
 * Export writes whole or not at all, wherever a name is legal, says the real error, and with
 * --force replaces only a file or a link: never a folder, a named pipe or a device.
 */
const CONTENT = Buffer.from('exported\r\n');

describe('writing an export file', () => {
  let root: string;
  before(async () => {
    root = await makeTempRoot('export-file');
  });
  after(() => removeTempRoot(root));

  it('writes a name of 250 bytes (legal, and longer than a temporary name beside it could be), leaving nothing else', async () => {
    const dir = freshPath(root, 'long');
    await mkdir(dir);
    const file = path.join(dir, `${'x'.repeat(246)}.reg`);
    await writeExportFile(file, CONTENT, { force: false });
    assert.deepEqual(await readFile(file), CONTENT);
    assert.deepEqual(await readdir(dir), [path.basename(file)]);
  });

  it('replaces a link itself with --force, never what it points to', async () => {
    const dir = freshPath(root, 'link');
    await mkdir(dir);
    const target = path.join(dir, 'elsewhere.txt');
    await writeFile(target, 'keep me');
    const link = path.join(dir, 'out.reg');
    await symlink(target, link);
    await writeExportFile(link, CONTENT, { force: true });
    assert.equal((await lstat(link)).isFile(), true);
    assert.equal(await readFile(target, 'utf8'), 'keep me');
  });

  const refused: [string, (dir: string) => Promise<string>][] = [
    [
      'a named pipe',
      async (dir) => {
        const fifo = path.join(dir, 'pipe.reg');
        assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
        return fifo;
      },
    ],
    [
      'a folder',
      async (dir) => {
        const folder = path.join(dir, 'folder.reg');
        await mkdir(folder);
        return folder;
      },
    ],
    ['a device', async () => '/dev/null'],
  ];
  for (const [what, make] of refused) {
    it(`refuses to replace ${what}, even with --force`, async () => {
      const dir = freshPath(root, 'special');
      await mkdir(dir);
      const file = await make(dir);
      const before = await lstat(file);
      await assert.rejects(writeExportFile(file, CONTENT, { force: true }), (error: TunerError) => {
        assert.equal(
          error.kind,
          'write-failed',
          'exit 7, as docs/cli.md says for an export file that cannot be written',
        );
        assert.equal(
          error.message,
          `${file} is ${what}, not a plain file; this tool never reads or writes through one. Nothing was changed there. Move it away and run again.`,
        );
        return true;
      });
      const now = await lstat(file);
      assert.deepEqual([now.ino, now.mode], [before.ino, before.mode], `${file} is still the same ${what}`);
    });
  }

  it('a folder that does not exist is exit 7 with the real reason, not exit 1', async () => {
    const file = path.join(freshPath(root, 'missing'), 'out.reg');
    const result = await runCli(['export', '--format', 'reg', '--max-user-port', '65534', '--out', file], process.env);
    assert.equal(result.code, 7, result.stderr);
    assert.match(
      result.stderr,
      new RegExp(
        `^tcp-port-tuner: Could not write the export ${file.replace(/[/.-]/g, '\\$&')}: the folder does not exist\\. Nothing was written\\.$`,
        'm',
      ),
    );
  });

  it('keeps a link it must not follow out of the picture: the link still names its target after a refused write', async () => {
    const dir = freshPath(root, 'kept');
    await mkdir(dir);
    const link = path.join(dir, 'out.reg');
    await symlink('/dev/null', link);
    await assert.rejects(writeExportFile(link, CONTENT, { force: false }), /exists already/);
    assert.equal(await readlink(link), '/dev/null');
  });
});
