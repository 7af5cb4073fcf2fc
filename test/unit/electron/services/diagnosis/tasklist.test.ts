/** Process names by PID as tasklist prints them. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseTasklist } from '../../../../../electron/services/diagnosis/tasklist';
import { windowsFixture as fixture } from '../../../../helpers/captures';

describe('tasklist', () => {
  it('names processes by PID, quotes and all', () => {
    const names = parseTasklist(fixture('tasklist.csv'));
    assert.equal(names.get(4242), 'mysqld.exe');
    assert.equal(names.get(99), 'My "quoted" app.exe');
  });
});
