/**
 * The change exported for other servers' engines: each format against a golden file (set
 * UPDATE_GOLDEN=1 to rewrite them on purpose), parsed as its engine would, and refused plainly
 * where it cannot carry the change.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { load } from 'js-yaml';
import { TunerError } from '../../../../../electron/services/errors';
import { renderExport, writeExportFile } from '../../../../../electron/services/export/export-service';
import { decodeRegFile } from '../../../../../electron/services/registry/reg-file';
import { tempFolder } from '../../../../helpers/temp-folder';
import { CHANGE, golden, onPath, options, WITH_RANGE } from '../../../../helpers/export-golden';

describe('export formats', () => {
  const temp = tempFolder('export');

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
        const file = path.join(temp.path, undo ? 'undo.yml' : 'set.yml');
        await writeFile(file, renderExport('ansible', WITH_RANGE, options(undo)).content);
        await promisify(execFile)('ansible-playbook', ['--syntax-check', '-i', 'localhost,', file], {
          env: { ...process.env, ANSIBLE_LOCAL_TEMP: temp.path, ANSIBLE_HOME: temp.path },
        });
      }
    },
  );

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
    const dir = temp.fresh('out');
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
