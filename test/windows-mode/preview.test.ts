// The browser preview server as a win32 process: the wizard's services over its loopback API,
// run by Windows' node.exe under Wine with the default backend, checked with Wine's reg.exe.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { withBed } from '../helpers/windows-mode/with-bed';
import { startWindowsPreview, type WindowsPreview } from '../helpers/windows-mode/server';
import { installNetsh, installWhoami } from '../helpers/windows-mode/stand-ins';
import { regQuery, resetValues } from '../helpers/reg-checks';

describe('the preview server as a win32 process', () => {
  let preview: WindowsPreview;
  const bed = withBed('preview', async () => {
    await installWhoami(bed.prefix, 'high');
    await installNetsh(bed.prefix, path.join(await bed.prefix.folder('stand-ins'), 'netsh-state.json'));
    await resetValues(bed.regTool);
    preview = await startWindowsPreview(bed.prefix);
  });

  it('serves the built page on loopback with its content security policy', async (t) => {
    if (bed.skipped(t)) return;
    assert.match(preview.url, /^http:\/\/127\.0\.0\.1:\d+\/s\/[\w-]+\/$/);
    const page = await fetch(preview.url);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-security-policy') ?? '', /default-src/);
    assert.match(await page.text(), /<script/);
  });

  it('getStatus reads the registry with the default backend, from C:\\ProgramData', async (t) => {
    if (bed.skipped(t)) return;
    const answer = await preview.call('getStatus');
    assert.equal(answer.ok, true, JSON.stringify(answer.error));
    const status = answer.value as {
      values: Record<string, unknown>;
      backend: string;
      dataDir: string;
      canWrite: boolean;
    };
    assert.deepEqual(status.values, { MaxUserPort: { present: false }, TcpTimedWaitDelay: { present: false } });
    assert.equal(status.backend, 'reg');
    assert.equal(status.dataDir, 'C:\\ProgramData\\TCP Port Tuner');
    assert.equal(status.canWrite, true);
  });

  it('apply and undo through the API change the registry, as reg.exe reads it', async (t) => {
    if (bed.skipped(t)) return;
    const applied = await preview.call('apply', { MaxUserPort: 65534, TcpTimedWaitDelay: 30, acceptUnprotected: true });
    assert.equal(applied.ok, true, JSON.stringify(applied.error));
    const values = await regQuery(bed.regTool);
    assert.deepEqual([values.MaxUserPort?.data, values.TcpTimedWaitDelay?.data], ['0xfffe', '0x1e']);
    const undone = await preview.call('undo', { force: false });
    assert.equal(undone.ok, true, JSON.stringify(undone.error));
    const after = await regQuery(bed.regTool);
    assert.deepEqual([after.MaxUserPort, after.TcpTimedWaitDelay], [undefined, undefined]);
  });

  it('diagnose reads the registry and the range through the netsh stand-in', async (t) => {
    if (bed.skipped(t)) return;
    const answer = await preview.call('diagnose');
    assert.equal(answer.ok, true, JSON.stringify(answer.error));
    const diagnosis = answer.value as { unavailable: Record<string, string>; ports: { dynamic: { ipv4: unknown } } };
    assert.equal(diagnosis.unavailable.registry, undefined, diagnosis.unavailable.registry);
    assert.deepEqual(diagnosis.ports.dynamic.ipv4, { start: 49152, count: 16384 });
  });
});
