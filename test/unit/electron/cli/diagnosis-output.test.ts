/** `diagnose` in a terminal names whose each exclusion is as the Check page does: the tool's own as TCP Port Tuner's. */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { formatDiagnosis, ownPorts } from '../../../../electron/cli/diagnosis-output';
import { DiagnosisService } from '../../../../electron/services/diagnosis/diagnosis-service';
import { TunerError } from '../../../../electron/services/errors';
import type { ProcessRunner } from '../../../../electron/services/host/process-runner';
import type { ToolAccess, WindowsTool } from '../../../../electron/services/host/windows-tools';
import { NetshPorts } from '../../../../electron/services/netsh/netsh-ports';
import { memoryEngine } from '../../../helpers/memory-engine';
import { withNetshScripts } from '../../../helpers/netsh-stand-in';
import { tempFolder } from '../../../helpers/temp-folder';

const NETSH: ToolAccess = {
  ok: true,
  tool: 'netsh',
  command: { file: 'C:\\Windows\\System32\\netsh.exe', leadingArgs: [], env: {} },
};
const missing = (tool: WindowsTool): ToolAccess => ({ ok: false, tool, reason: `${tool}.exe is not here` });
const DYNAMIC =
  'Protocol tcp Dynamic Port Range\r\n---------------------------------\r\nStart Port      : 1024\r\nNumber of Ports : 64511\r\n';
// netsh as it reads after this tool reserved 3306, an administrator 33060, and Hyper-V its block.
const EXCLUDED =
  'Protocol tcp Port Exclusion Ranges\r\n\r\nStart Port    End Port\r\n----------    --------\r\n' +
  '      3306        3306     *\r\n     33060       33060     *\r\n     50000       50159\r\n\r\n* - Administered port exclusions.\r\n';

const netshAnswers: ProcessRunner = withNetshScripts(async (_file, args) => ({
  code: 0,
  stdout: args[3] === 'dynamicport' ? DYNAMIC : EXCLUDED,
  stderr: '',
}));
const diagnosis = new DiagnosisService({
  run: netshAnswers,
  tools: { netstat: missing('netstat'), wevtutil: missing('wevtutil'), tasklist: missing('tasklist') },
  netsh: new NetshPorts(NETSH, netshAnswers),
  netshScript: () => path.join(temp.path, 'scratch', 'netsh-reads.txt'),
  nativeNetstat: true,
  readValues: async () => ({
    MaxUserPort: { present: true, type: 'REG_DWORD', data: 65534 },
    TcpTimedWaitDelay: { present: false },
  }),
});

const temp = tempFolder('diagnosis-output');
describe('diagnose names the exclusions', () => {
  it("calls the ports this tool reserved 'reserved by TCP Port Tuner', never 'added by an administrator'", async () => {
    const { tuner } = memoryEngine(temp.path);
    await tuner.apply({ reservePorts: [3306] });
    const text = formatDiagnosis(await diagnosis.diagnose(), await ownPorts(tuner));
    assert.match(
      text,
      /^ {2}exclusions: {4}3306 \(reserved by TCP Port Tuner\), 33060 \(added by an administrator\), 50000 to 50159 \(reserved by Windows for Hyper-V, WSL or a service\)$/m,
    );
  });

  it('says when it could not tell which are its own, and why', async () => {
    const unreadable = {
      undoPlan: async () =>
        Promise.reject(new TunerError('journal-unreadable', 'The change journal J cannot be read (EACCES).')),
    };
    const text = formatDiagnosis(await diagnosis.diagnose(), await ownPorts(unreadable));
    assert.match(
      text,
      /^ {2}which exclusions this tool reserved: not read: The change journal J cannot be read \(EACCES\)\.$/m,
    );
  });
});
