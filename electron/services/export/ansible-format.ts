import { DEFAULT_DYNAMIC_RANGE } from '../../../shared/port-range';
import { describeExport, namedSettings, type ExportChange, type ExportOptions } from './export-change';

const PATH = 'HKLM:\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters';

/** A YAML string in single quotes: only the quote itself needs doubling. */
const quoted = (text: string) => `'${text.replace(/'/g, "''")}'`;

/**
 * A playbook with one `ansible.windows.win_regedit` task per value (state present, or absent to
 * undo), which supports check mode as it stands; the range through `win_command` netsh, which
 * check mode skips; and an optional reboot behind `tcp_port_tuner_reboot`, false by default.
 */
export function ansiblePlaybook(change: ExportChange, options: ExportOptions): Buffer {
  const tasks = namedSettings(change).flatMap((name) => [
    `    - name: ${options.undo ? `Remove ${name}` : `Set ${name} to ${change.registry[name]}`}`,
    '      ansible.windows.win_regedit:',
    `        path: ${quoted(PATH)}`,
    `        name: ${name}`,
    ...(options.undo
      ? ['        state: absent']
      : [`        data: ${change.registry[name]}`, '        type: dword', '        state: present']),
    '',
  ]);
  const range = change.dynamicRange && (options.undo ? DEFAULT_DYNAMIC_RANGE : change.dynamicRange);
  const rangeTasks = range
    ? ['ipv4', 'ipv6'].flatMap((family) => [
        `    - name: Set the ${family} TCP dynamic port range to start ${range.start}, ${range.count} ports`,
        '      ansible.windows.win_command:',
        `        cmd: netsh int ${family} set dynamicport tcp start=${range.start} num=${range.count}`,
        '',
      ])
    : [];
  const lines = [
    '---',
    ...describeExport(change, options).map((line) => `# ${line}`),
    '# Run with --check first: the registry tasks report what they would change.',
    '- name: TCP Port Tuner',
    '  hosts: all',
    '  gather_facts: false',
    '  vars:',
    '    tcp_port_tuner_reboot: false',
    '  tasks:',
    ...tasks,
    ...rangeTasks,
    '    - name: Restart Windows so the registry values take effect',
    '      ansible.windows.win_reboot:',
    '      when: tcp_port_tuner_reboot | bool',
    '',
  ];
  return Buffer.from(lines.join('\n'), 'utf8');
}
