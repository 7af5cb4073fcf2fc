import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TunerError } from '../../electron/services/errors';
import { resolveTarget } from '../../electron/services/host/target';
import { runProcess } from '../../electron/services/host/process-runner';
import { RegExeBackend } from '../../electron/services/registry/reg-exe-backend';
import { withPrefix } from '../helpers/with-prefix';
import { regQuery, resetValues } from '../helpers/reg-checks';
import { writeRegStandIn } from '../helpers/reg-stand-in';
import { runBackendContract } from './backend-contract';

/** The backend exactly as the product builds it for this environment. */
function backendFor(env: NodeJS.ProcessEnv): RegExeBackend {
  return new RegExeBackend(resolveTarget(env, 'linux').regCommand, runProcess);
}

describe('RegExeBackend on Wine', () => {
  const prefix = withPrefix('reg-exe');

  runBackendContract('wine reg.exe', () => ({ tool: prefix, backend: backendFor(prefix.env) }));

  describe('when reg.exe cannot do what was asked', () => {
    it('says Wine is not installed when there is no wine to start', async () => {
      const backend = backendFor({ ...prefix.env, PATH: '/nonexistent' });
      await assert.rejects(backend.readValues(), (error: TunerError) => {
        assert.equal(error.kind, 'tool-missing');
        assert.match(error.message, /Wine is not installed/);
        return true;
      });
    });

    it('reports "access is denied" as not permitted and leaves the value as it was', async () => {
      await resetValues(prefix);
      const standIn = await writeRegStandIn(prefix.root, { kind: 'deny-writes' });
      const backend = backendFor({ ...prefix.env, TCP_PORT_TUNER_REG_COMMAND: standIn });
      await assert.rejects(backend.setDword('MaxUserPort', 65534), (error: TunerError) => {
        assert.equal(error.kind, 'not-permitted');
        assert.match(error.message, /write MaxUserPort: access is denied\. Run as administrator\./);
        return true;
      });
      assert.equal((await regQuery(prefix)).MaxUserPort, undefined);
    });

    it("passes on reg.exe's own words and exit code when it fails", async () => {
      await resetValues(prefix);
      await assert.rejects(backendFor(prefix.env).deleteValue('TcpTimedWaitDelay'), (error: TunerError) => {
        assert.equal(error.kind, 'registry-failed');
        assert.match(
          error.message,
          /^Could not delete TcpTimedWaitDelay: reg\.exe exited with 1 and said ".*unable to find/i,
        );
        return true;
      });
    });
  });
});
