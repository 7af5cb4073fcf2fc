/**
 * The diagnosis fed what Windows really sends: captures turned into CRLF bytes in the console's
 * OEM code page (850 German, 866 Russian, 932 Japanese), decoded by the product's own decoder.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { formatDiagnosis } from '../../../../../electron/cli/diagnosis-output';
import { DiagnosisService } from '../../../../../electron/services/diagnosis/diagnosis-service';
import { consoleDecoder } from '../../../../../electron/services/host/code-page';
import type { ProcessRunner } from '../../../../../electron/services/host/process-runner';
import type { ToolAccess, WindowsTool } from '../../../../../electron/services/host/windows-tools';
import { NetshPorts } from '../../../../../electron/services/netsh/netsh-ports';
import { captureBytes, captureText, windowsBytes } from '../../../../helpers/captures';
import { withNetshScripts } from '../../../../helpers/netsh-stand-in';
import { tempFolder } from '../../../../helpers/temp-folder';

const tool = (name: WindowsTool): ToolAccess => ({
  ok: true,
  tool: name,
  command: { file: `C:\\Windows\\System32\\${name}.exe`, leadingArgs: [], env: {} },
});
const DYNAMIC =
  '\nProtocol tcp Dynamic Port Range\n---------------------------------\nStart Port      : 49152\nNumber of Ports : 16384\n';
const EXCLUDED =
  '\nProtocol tcp Port Exclusion Ranges\n\nStart Port    End Port\n----------    --------\n      5357        5357\n\n* - Administered port exclusions.\n';
const EMPTY_V6 =
  '\nAktive Verbindungen\n\n  Proto  Lokale Adresse         Remoteadresse          Status           PID\n';

const scratch = tempFolder('diagnosis-code-pages');

type Answers = Partial<Record<WindowsTool | 'netstat -p tcpv6', string | Buffer>>;

/** A machine whose tools write `answers` as bytes in `codePage`; the product's decoder reads them. */
function machine(codePage: number, answers: Answers): DiagnosisService {
  const decode = consoleDecoder(async () => codePage);
  const run: ProcessRunner = withNetshScripts(async (file, args) => {
    const name = /(\w+)\.exe$/.exec(file)?.[1] as WindowsTool;
    const key = name === 'netstat' && args.includes('tcpv6') ? 'netstat -p tcpv6' : name;
    const fallback =
      { netsh: args[3] === 'dynamicport' ? DYNAMIC : EXCLUDED, 'netstat -p tcpv6': EMPTY_V6, wevtutil: '' }[
        key as string
      ] ?? '';
    const text = answers[key] ?? fallback;
    return { code: 0, stdout: await decode(Buffer.isBuffer(text) ? text : windowsBytes(text, codePage)), stderr: '' };
  });
  return new DiagnosisService({
    run,
    tools: { netstat: tool('netstat'), wevtutil: tool('wevtutil'), tasklist: tool('tasklist') },
    netsh: new NetshPorts(tool('netsh'), run),
    netshScript: () => path.join(scratch.path, 'scratch', 'netsh-reads.txt'),
    nativeNetstat: true,
    readValues: async () => ({ MaxUserPort: { present: false }, TcpTimedWaitDelay: { present: false } }),
  });
}

describe('a German Windows (code page 850)', () => {
  it('counts every ABHÖREN socket as listening and protects the ports in the range', async () => {
    const found = await machine(850, {
      netstat: captureBytes('netstat-ano-de-2.txt', 850),
      tasklist: '"System","4","Services","0","2.060 K"\n"vmware-authd.exe","2240","Services","0","9.364 K"\n',
    }).diagnose();
    assert.deepEqual(found.unavailable, {});
    assert.deepEqual(found.tcp?.states, { LISTENING: 60, ESTABLISHED: 32, CLOSE_WAIT: 3, TIME_WAIT: 128 });
    const listening = found.ports.listening?.map((entry) => entry.port) ?? [];
    assert.equal(listening.length, 40, 'each listening port once, IPv4 and IPv6 together');
    const now = found.ports.listeningInRange.filter((risk) => risk.range === 'now').map((risk) => risk.port);
    assert.deepEqual(
      now,
      [49152, 49153, 49154, 49155, 49161, 49162, 49173, 49198, 49217, 49331, 49782, 49808, 50182, 50213, 65000],
    );
    assert.ok(
      found.ports.listeningInRange.some((risk) => risk.port === 3389 && risk.range === 'with-max-user-port'),
      'RDP would be inside 1024-65534',
    );
    // Counted by hand (awk over the capture): 15 WARTEND rows sit on a port something listens on.
    assert.deepEqual(found.tcp?.timeWait, { outgoing: 113, onListeningPorts: 15 });
  });
});

describe('a Russian Windows (code page 866)', () => {
  it('reads the Cyrillic header and names processes in Cyrillic', async () => {
    // The capture is plain `netstat`, which names some ports ("https"); the product runs -ano, so only numeric rows are kept.
    const numeric = captureText('netstat-ru-1.txt')
      .split('\n')
      .filter((line) => !/^\s+TCP\s/.test(line) || /:\d+\s+\S+:\d+\s/.test(line));
    const found = await machine(866, {
      netstat: numeric.join('\n').replace(/(ESTABLISHED|TIME_WAIT)\s*$/gm, '$1       4321'),
      tasklist: '"Проводник.exe","4321","Console","1","81 204 КБ"\n"System","4","Services","0","144 КБ"\n',
    }).diagnose();
    assert.deepEqual(found.unavailable, {});
    assert.equal(found.tcp?.processes?.[0]?.name, 'Проводник.exe');
    assert.ok((found.tcp?.states.ESTABLISHED ?? 0) >= 8);
  });
});

describe('a Japanese Windows (code page 932)', () => {
  it('reads a double-byte header and a name whose second byte is a backslash', async () => {
    const netstat =
      '\nアクティブな接続\n\n  プロトコル  ローカル アドレス      外部アドレス           状態            PID\n  TCP         0.0.0.0:3306           0.0.0.0:0              LISTENING       5120\n  TCP         10.0.0.4:50123         10.0.0.5:3306          TIME_WAIT       0\n';
    const found = await machine(932, {
      netstat,
      tasklist: '"表計算.exe","5120","Console","1","10,240 K"\n',
    }).diagnose();
    assert.deepEqual(found.unavailable, {});
    assert.deepEqual(found.ports.listening, [{ port: 3306, process: '表計算.exe' }]);
  });
});

describe('an answer of the wrong shape is "not read", with how it began', () => {
  it("Wine's netsh, which prints nothing: the exclusions and range are not read, never none", async () => {
    const found = await machine(437, { netsh: '' }).diagnose();
    assert.equal(found.ports.excluded.ipv4, null);
    assert.equal(found.ports.dynamic.ipv4, null);
    assert.equal(found.ports.freePorts, null);
    assert.equal(
      found.unavailable['excluded.ipv4'],
      "Could not read the dynamic port ranges and exclusions: netsh's answer held 0 dynamic port ranges, not 2 in their place (the answer was empty).",
    );
    const text = formatDiagnosis(found, new Set());
    assert.match(text, /exclusions: {4}not read: Could not read the dynamic port ranges and exclusions/);
    assert.doesNotMatch(text, /exclusions:\s+none/);
  });

  it('netstat, tasklist and wevtutil answering with an error or a help text', async () => {
    const found = await machine(850, {
      netstat: '\nZeigt Protokollstatistiken und aktuelle TCP/IP-Netzwerkverbindungen an.\n\nNETSTAT [-a] [-b] [-e]\n',
      tasklist: 'FEHLER: Ungültiges Argument/Option - "/fo".\n',
      wevtutil: 'Fehler beim Abfragen der Ereignisse. Das System kann die angegebene Datei nicht finden.\n',
    }).diagnose();
    assert.equal(found.tcp, null);
    assert.match(
      found.unavailable.tcp,
      /^netstat's answer had no column header \(it began "Zeigt Protokollstatistiken/,
    );
    assert.equal(
      found.unavailable.processes,
      `tasklist's answer was not its CSV list (it began "FEHLER: Ungültiges Argument/Option - "/fo".")`,
    );
    assert.match(found.unavailable.events, /^wevtutil's answer held no events in XML \(it began "Fehler beim Abfragen/);
    assert.equal(found.events, null);
  });

  it("reads Wine's own spellings of three states", async () => {
    const rows = ['SYN_RCVD', 'FIN_WAIT1', 'FIN_WAIT2', 'FIN_WARTEN_1', 'FIN_WARTEN_2'].map(
      (state, i) => `  TCP    10.0.0.4:${50000 + i}    10.0.0.5:3306    ${state}\n`,
    );
    const found = await machine(850, { netstat: `${EMPTY_V6}${rows.join('')}` }).diagnose();
    assert.deepEqual(found.tcp?.states, { SYN_RECEIVED: 1, FIN_WAIT_1: 2, FIN_WAIT_2: 2 });
  });

  it('a netstat state word not known here: not read, naming it, rather than a socket dropped', async () => {
    const found = await machine(850, {
      netstat: `${EMPTY_V6}  TCP    0.0.0.0:3306    0.0.0.0:0    IN_ASCOLTO    4242\n`,
    }).diagnose();
    assert.equal(found.unavailable.tcp, 'netstat printed a state this tool does not know: IN_ASCOLTO');
    assert.equal(found.ports.listening, null);
    assert.equal(
      found.unavailable.listening,
      'netstat was not read: netstat printed a state this tool does not know: IN_ASCOLTO',
    );
  });
});
