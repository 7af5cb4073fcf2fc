/** netstat's rows counted per state, remote and process, and whose TIME_WAIT each is. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tallyNetstat } from '../../../../../electron/services/diagnosis/netstat-stream';
import { parseTasklist } from '../../../../../electron/services/diagnosis/tasklist';
import { windowsFixture as fixture } from '../../../../helpers/captures';

describe('the socket tally', () => {
  it('counts per state and per remote endpoint, names processes, and tells whose TIME_WAIT it is', () => {
    const tcp = tallyNetstat(fixture('netstat-en.txt')).tcp(parseTasklist(fixture('tasklist.csv')), true);
    assert.deepEqual(tcp.states, { LISTENING: 4, TIME_WAIT: 4, ESTABLISHED: 1, CLOSE_WAIT: 1 });
    assert.deepEqual(tcp.remotes[0], { address: '10.0.0.5', port: 3306, timeWait: 2, established: 1, other: 0 });
    assert.deepEqual(tcp.processes, [{ pid: 7310, name: 'java.exe', timeWait: 0, established: 1, other: 1 }]);
    // 3306 listens here: its TIME_WAIT row belongs to this host as a server; the other three hold outgoing ports.
    assert.deepEqual(tcp.timeWait, { outgoing: 3, onListeningPorts: 1 });
  });
});
