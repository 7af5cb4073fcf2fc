import { bodiesIn, describeExport, type ExportChange, type ExportOptions } from './export-change';

/** A YAML string in single quotes: only the quote itself needs doubling. */
const quoted = (text: string) => `'${text.replace(/'/g, "''")}'`;

/**
 * A playbook: each kind's tasks in table order (the registry values with `win_regedit`, which
 * check mode covers; the range with netsh, which it skips), then an optional reboot behind
 * `tcp_port_tuner_reboot`, false by default.
 */
export function ansiblePlaybook(change: ExportChange, options: ExportOptions): Buffer {
  const tasks = bodiesIn('ansible').flatMap((body) => body(change, options.undo, quoted));
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
    '    - name: Restart Windows so the registry values take effect',
    '      ansible.windows.win_reboot:',
    '      when: tcp_port_tuner_reboot | bool',
    '',
  ];
  return Buffer.from(lines.join('\n'), 'utf8');
}
