/**
 * Each kind writes only its own part of an export: a change that names only the range carries
 * no registry value in any format, and the formats without a body for the range refuse it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { load } from 'js-yaml';
import { renderExport } from '../../../../../electron/services/export/export-service';
import { options } from '../../../../helpers/export-golden';

const RANGE_ONLY = { registry: {}, dynamicRange: { start: 10000, count: 55536 } };

describe('the kind table in the export formats', () => {
  it('the range alone: netsh tasks in the playbook, no registry task', () => {
    for (const undo of [false, true]) {
      const [play] = load(renderExport('ansible', RANGE_ONLY, options(undo)).content.toString('utf8')) as {
        tasks: Record<string, { cmd?: string }>[];
      }[];
      assert.equal(play.tasks.filter((task) => task['ansible.windows.win_regedit']).length, 0);
      const range = undo ? 'start=49152 num=16384' : 'start=10000 num=55536';
      assert.deepEqual(
        play.tasks.flatMap((task) => task['ansible.windows.win_command']?.cmd ?? []),
        ['ipv4', 'ipv6'].map((family) => `netsh int ${family} set dynamicport tcp ${range}`),
      );
    }
  });

  it('the range alone: the script lists no registry value and sets the range', () => {
    const script = renderExport('powershell', RANGE_ONLY, options(false)).content.toString('utf8');
    assert.match(script, /\r\n\$Values = \[ordered\]@\{\r\n\}\r\n/);
    assert.match(script, /\r\n\$Range = @\{ Start = 10000; Count = 55536 \}\r\n/);
    assert.doesNotMatch(script, /MaxUserPort|TcpTimedWaitDelay/);
  });

  it('the range alone: .reg and Group Policy refuse it rather than write a file without it', () => {
    assert.throws(
      () => renderExport('reg', RANGE_ONLY, options(false)),
      /A \.reg file cannot carry the dynamic port range/,
    );
    assert.throws(
      () => renderExport('gpo', RANGE_ONLY, options(false)),
      /Group Policy Preferences cannot set the dynamic port range/,
    );
  });
});
