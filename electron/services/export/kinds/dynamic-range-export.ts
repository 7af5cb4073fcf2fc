import { DEFAULT_DYNAMIC_RANGE } from '../../../../shared/port-range';
import type { KindExport } from '../export-kind';

const FAMILIES = ['ipv4', 'ipv6'];
const NETSH_ONLY = '(it is set with netsh): export it as powershell or ansible, or leave it out.';

/**
 * The TCP dynamic port range, for IPv4 and IPv6 through netsh (undo: back to Windows' default).
 * A .reg file and Group Policy Preferences hold registry values only, so they refuse it. Ansible
 * runs it with `win_command`, which check mode skips.
 */
export const DYNAMIC_RANGE_EXPORT: KindExport = {
  named: (change) => change.dynamicRange !== null,
  says: ({ dynamicRange: range }, undo) => {
    if (!range) return [];
    if (undo)
      return [`Sets the TCP dynamic port range back to ${DEFAULT_DYNAMIC_RANGE.start}-65535 (Windows' default)`];
    return [
      `Sets the TCP dynamic port range to ${range.start}-${range.start + range.count - 1} (${range.count} ports), IPv4 and IPv6`,
    ];
  },
  effect: null,
  formats: {
    reg: `A .reg file cannot carry the dynamic port range ${NETSH_ONLY}`,
    gpo: `Group Policy Preferences cannot set the dynamic port range ${NETSH_ONLY}`,
    ansible: ({ dynamicRange }, undo) => {
      const range = dynamicRange && (undo ? DEFAULT_DYNAMIC_RANGE : dynamicRange);
      if (!range) return [];
      return FAMILIES.flatMap((family) => [
        `    - name: Set the ${family} TCP dynamic port range to start ${range.start}, ${range.count} ports`,
        '      ansible.windows.win_command:',
        `        cmd: netsh int ${family} set dynamicport tcp start=${range.start} num=${range.count}`,
        '',
      ]);
    },
    powershell: ({ dynamicRange: range }) => ({
      declare: [
        range ? `$Range = @{ Start = ${range.start}; Count = ${range.count} }` : '$Range = $null',
        `$DefaultRange = @{ Start = ${DEFAULT_DYNAMIC_RANGE.start}; Count = ${DEFAULT_DYNAMIC_RANGE.count} }`,
      ],
      run: [
        '    if ($null -ne $Range) {',
        '        $Target = if ($Undo) { $DefaultRange } else { $Range }',
        `        foreach ($Family in ${FAMILIES.map((family) => `'${family}'`).join(', ')}) {`,
        '            if ($PSCmdlet.ShouldProcess("$Family dynamic port range", "Set to start $($Target.Start), $($Target.Count) ports")) {',
        '                & netsh.exe int $Family set dynamicport tcp "start=$($Target.Start)" "num=$($Target.Count)" | Out-Null',
        '                if ($LASTEXITCODE -ne 0) { throw "netsh failed for $Family with exit code $LASTEXITCODE" }',
        '                Write-Output "$Family dynamic port range: start $($Target.Start), $($Target.Count) ports"',
        '            }',
        '        }',
        '    }',
      ],
    }),
  },
};
