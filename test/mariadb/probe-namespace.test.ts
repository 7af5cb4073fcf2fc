/**
 * ports-exhausted from its real cause, every ephemeral port held in TIME_WAIT, and unreachable
 * from a missing route. In a private network namespace (`unshare -n`), whose loopback, 10-port ip_local_port_range and
 * tcp_tw_reuse=0 are its own: the host's settings are untouched.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { constants } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import type { ProbeResult } from '../../shared/probe';

const run = promisify(execFile);
const inside = path.resolve(import.meta.dirname, '../helpers/namespace-probes.ts');
const SETUP = [
  '/usr/sbin/ip link set lo up',
  'echo "40000 40009" > /proc/sys/net/ipv4/ip_local_port_range',
  'echo 0 > /proc/sys/net/ipv4/tcp_tw_reuse',
  'exec "$0" --import tsx "$1"',
].join(' && ');

test(
  "no route: unreachable; a full ephemeral range: ports-exhausted, by Node's code EADDRNOTAVAIL, before TCP",
  { skip: process.getuid?.() === 0 ? false : 'needs root for unshare -n' },
  async () => {
    const hostRange = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8');
    const { stdout } = await run('/usr/bin/unshare', ['-n', '--', '/bin/sh', '-c', SETUP, process.execPath, inside]);
    const [unreachable, found] = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as ProbeResult);
    assert.equal(unreachable.class, 'unreachable', unreachable.message);
    assert.equal(unreachable.code, 'ENETUNREACH');
    assert.equal(found.class, 'ports-exhausted', found.message);
    assert.equal(found.code, 'EADDRNOTAVAIL');
    assert.equal(found.errno, -constants.errno.EADDRNOTAVAIL);
    assert.equal(found.phase, 'none');
    assert.match(found.lever, /tuning the ports/);
    assert.equal(
      readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8'),
      hostRange,
      "the host's range is untouched",
    );
  },
);
