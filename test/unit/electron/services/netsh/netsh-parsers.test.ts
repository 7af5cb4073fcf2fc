/** netsh's answers read by shape, English and German, with CRLF line ends. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDynamicPort, parseExcludedRanges } from '../../../../../electron/services/netsh/netsh-parsers';
import { windowsFixture as fixture } from '../../../../helpers/captures';

describe('netsh', () => {
  it('reads the dynamic port range by position, whatever the language of its labels', () => {
    assert.deepEqual(parseDynamicPort(fixture('dynamicport-en.txt')), { start: 49152, count: 16384 });
    assert.deepEqual(parseDynamicPort(fixture('dynamicport-de.txt')), { start: 1024, count: 64511 });
    assert.equal(parseDynamicPort('The following command was not found: int ipv4 show dynamicport tcp.\r\n'), null);
  });

  it('reads the excluded ranges, telling administered ones (*) from reservations', () => {
    assert.deepEqual(parseExcludedRanges(fixture('excluded-en.txt')), [
      { start: 5357, end: 5357, administered: false },
      { start: 50000, end: 50059, administered: true },
    ]);
    assert.deepEqual(parseExcludedRanges(fixture('excluded-de.txt')), [
      { start: 1080, end: 1179, administered: false },
      { start: 3306, end: 3306, administered: true },
    ]);
  });
});
