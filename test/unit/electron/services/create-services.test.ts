/**
 * Which registry backend the product runs on Windows, and that it finds no program through the
 * working folder or PATH: the real `regedit` package, with Node's child_process recorded (and
 * answered) where regedit would start cscript.exe.
 */
import assert from 'node:assert/strict';
import childProcess from 'node:child_process';
import path from 'node:path';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { assembleServices, createServices } from '../../../../electron/services/create-services';
import { TunerError } from '../../../../electron/services/errors';
import type { ProcessRunner } from '../../../../electron/services/host/process-runner';
import { resolveTarget } from '../../../../electron/services/host/target';
import type { RegistryBackend } from '../../../../electron/services/registry/backend';
import { FallbackBackend } from '../../../../electron/services/registry/fallback-backend';
import { regeditScriptHost } from '../../../../electron/services/registry/script-host';
import { MemoryRegistry } from '../../../helpers/memory-registry';
import { tempFolder } from '../../../helpers/temp-folder';

const SYSTEM32 = 'C:\\Windows\\System32';
const HIGH =
  '"Mandatory Label\\High Mandatory Level","Label","S-1-16-12288","Mandatory group, Enabled by default, Enabled group"\r\n';
const QUERY = `\r\nHKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters\r\n    TcpTimedWaitDelay    REG_DWORD    0x1e\r\n\r\n`;

/** Windows' tools as the product runs them (reg query and whoami answer), each call recorded. */
function windowsTools() {
  const ran: string[] = [];
  const run: ProcessRunner = async (file, args) => {
    ran.push(file);
    if (file.endsWith('whoami.exe')) return { code: 0, stdout: args.length ? HIGH : 'corp\\dba\r\n', stderr: '' };
    return { code: 0, stdout: QUERY, stderr: '' };
  };
  return { ran, run };
}

describe('the registry backend on Windows', () => {
  const temp = tempFolder('backend');
  let started: { file: string; options: unknown }[];
  let answer: (file: string) => { error: Error | null; stderr: string };
  const realExecFile = childProcess.execFile;
  before(async () => {});
  after(async () => {
    // regedit's lookup back as the package left it, for any later test in this process.
    ((await regeditScriptHost()) as unknown as { _mockReset(): void })._mockReset();
  });
  beforeEach(() => {
    started = [];
    // Where regedit would start cscript.exe: recorded, and answered as Windows Script Host would.
    childProcess.execFile = ((file: string, _args: unknown, ...rest: unknown[]) => {
      const callback = rest.find((item) => typeof item === 'function') as (
        error: Error | null,
        stdout: string,
        stderr: string,
      ) => void;
      started.push({ file, options: rest.find((item) => typeof item === 'object') ?? null });
      const { error, stderr } = answer(file);
      setImmediate(() => callback(error, '', stderr));
      return { stdout: null, stderr: null };
    }) as unknown as typeof childProcess.execFile;
  });
  afterEach(() => {
    childProcess.execFile = realExecFile;
  });
  const services = (backend?: 'regedit') => {
    const { ran, run } = windowsTools();
    return {
      ran,
      made: createServices({ platform: 'win32', backend, run, env: { TCP_PORT_TUNER_DATA_DIR: temp.fresh('data') } }),
    };
  };

  it('is reg.exe by its full path by default: cscript.exe is never started, and status says reg', async () => {
    answer = () => ({ error: null, stderr: '' });
    const { ran, made } = services();
    const status = await (await made).tuner.status();
    assert.equal(status.backend, 'reg');
    assert.deepEqual(status.values.TcpTimedWaitDelay, { present: true, type: 'REG_DWORD', data: 30 });
    assert.deepEqual(started, [], 'regedit started nothing');
    assert.ok(
      ran.length > 0 && ran.every((file) => path.win32.dirname(file) === SYSTEM32),
      `only System32 by full path: ${ran.join(', ')}`,
    );
  });

  it('with --backend regedit, starts System32\'s cscript.exe by full path, never by bare name or through "where"', async () => {
    answer = () => ({
      error: Object.assign(new Error('Command failed'), { code: 1 }),
      stderr: 'CScript-Fehler: Die Skriptdatei konnte nicht geladen werden.',
    });
    const { made } = services('regedit');
    await (await made).tuner.status();
    assert.ok(started.length > 0, 'regedit was tried');
    assert.deepEqual([...new Set(started.map(({ file }) => file))], [`${SYSTEM32}\\cscript.exe`]);
  });

  it('falls back to reg.exe when cscript fails in German, and status names reg, which did the work', async () => {
    answer = () => ({
      error: Object.assign(new Error('Befehl fehlgeschlagen'), { code: 1 }),
      stderr: 'Eingabefehler: Es gibt kein Skriptmodul für die Dateierweiterung ".wsf".',
    });
    const { ran, made } = services('regedit');
    const status = await (await made).tuner.status();
    assert.equal(status.backend, 'reg');
    assert.deepEqual(status.values.TcpTimedWaitDelay, { present: true, type: 'REG_DWORD', data: 30 });
    assert.ok(ran.includes(`${SYSTEM32}\\reg.exe`));
  });

  it('does not fall back when regedit is refused access (code 5): reg.exe would be refused too', async () => {
    answer = () => ({ error: Object.assign(new Error('Command failed'), { code: 5 }), stderr: '' });
    const { ran, made } = services('regedit');
    await assert.rejects((await made).tuner.status(), (error: TunerError) => error.kind === 'not-permitted');
    assert.ok(!ran.includes(`${SYSTEM32}\\reg.exe`), 'reg.exe was not asked');
  });
});

describe('the journal names the backend that did the work', () => {
  const temp = tempFolder('journal-backend');

  it('reg, after regedit failed with words in any language', async () => {
    const broken = new Proxy({ name: 'regedit' } as RegistryBackend, {
      get: (target, key) =>
        key === 'name'
          ? target.name
          : async () =>
              Promise.reject(new TunerError('registry-failed', 'Could not write: Unerwarteter Fehler 0x80041001.')),
    });
    const memory = new MemoryRegistry();
    const target = resolveTarget(
      { WINEPREFIX: temp.fresh('prefix'), TCP_PORT_TUNER_DATA_DIR: temp.fresh('data') },
      'linux',
    );
    const { tuner } = assembleServices(target, windowsTools().run, new FallbackBackend(broken, memory));
    await tuner.apply({ TcpTimedWaitDelay: 30 });
    const [entry] = await tuner.history();
    assert.equal(entry.backend, 'reg');
    assert.deepEqual(entry.after.TcpTimedWaitDelay, { present: true, type: 'REG_DWORD', data: 30 });
    assert.equal((await tuner.status()).backend, 'reg');
  });
});
