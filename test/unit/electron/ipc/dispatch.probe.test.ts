/**
 * The wizard's `probe` channel on the main side: a request is checked by the CLI's rules before
 * the probe sees it; the password reaches the probe for the login and nothing else does.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { createDispatcher, type MainServices } from '../../../../electron/ipc/dispatch';
import type { ProbeRequest } from '../../../../electron/services/probe/probe';

function dispatcher() {
  const reached: ProbeRequest[] = [];
  const unused = async (): Promise<never> => {
    throw new Error('not this service');
  };
  const services = {
    probe: async (request: ProbeRequest) => {
      reached.push(request);
      return { target: `${request.host}:${request.port}`, class: 'reachable' } as never;
    },
    tuner: { status: unused, useBackupFolder: () => undefined, backup: unused, apply: unused, undo: unused },
    restart: { restart: unused, cancel: unused },
    diagnosis: { diagnose: unused, checkDataFolder: unused },
    sampler: { sample: unused },
    chooseFolder: unused,
    chooseSaveFile: unused,
    relaunchAsAdmin: unused,
  } satisfies MainServices;
  return { dispatch: createDispatcher(services), reached };
}

it('passes a checked request on: the 5 s timeout, and the account only when a user is named', async () => {
  const { dispatch, reached } = dispatcher();
  assert.equal((await dispatch('probe', { host: ' db01 ', port: '3307' })).ok, true);
  assert.equal((await dispatch('probe', { host: '10.0.0.5', port: 3306, user: 'monitor', password: 'pw' })).ok, true);
  assert.deepEqual(reached, [
    { host: 'db01', port: 3307, timeoutMs: 5000 },
    { host: '10.0.0.5', port: 3306, timeoutMs: 5000, account: { user: 'monitor', password: 'pw' } },
  ]);
});

it('refuses what the CLI refuses, in its words, before the probe sees it', async () => {
  const { dispatch, reached } = dispatcher();
  const refused = async (request: unknown, said: RegExp) => {
    const result = await dispatch('probe', request);
    assert.equal(result.ok, false, JSON.stringify(request));
    assert.match(result.ok ? '' : result.error.message, said);
  };
  await refused({ host: 'db 01', port: 3306 }, /"db 01" is not a host name or an IP address/);
  await refused({ host: 'db01', port: 70000 }, /70000 is out of range/);
  await refused({ host: 'db01', port: 3306, password: 'pw' }, /A password needs a user name/);
  await refused({ host: 'db01', port: 3306, user: '' }, /user name is empty/);
  // The page cannot pick the source address: the strict schema refuses any other field.
  await refused({ host: 'db01', port: 3306, sourceAddress: '10.0.0.1' }, /Invalid input/);
  await refused({ host: 'db01', port: 3306, user: 'app', password: 'x'.repeat(513) }, /at most 512 characters/);
  assert.deepEqual(reached, []);
});
