import { PARAMETERS_KEY, SETTING_NAMES, type SettingName } from '../../../../shared/settings';
import type { ExportChange, KindExport, RegistryItem } from '../export-kind';

const KEY = PARAMETERS_KEY.replace(/^HKEY_LOCAL_MACHINE\\/, '');
const PS_KEY = `HKLM:\\${KEY}`;

/** The registry settings the export names, in catalogue order. */
function namedSettings(change: ExportChange): SettingName[] {
  return SETTING_NAMES.filter((name) => change.registry[name] !== undefined);
}

const items = (change: ExportChange, undo: boolean): RegistryItem[] =>
  namedSettings(change).map((name) => ({ key: KEY, name, dword: undo ? null : (change.registry[name] as number) }));

/**
 * The named values: set as REG_DWORD, or deleted to undo (Windows then uses its defaults). Ansible
 * uses `win_regedit`, which supports check mode as it stands; PowerShell sets only what differs
 * and reads it back.
 */
export const REGISTRY_EXPORT: KindExport = {
  named: (change) => namedSettings(change).length > 0,
  says: (change, undo) =>
    namedSettings(change).map((name) =>
      undo ? `Deletes ${name} (Windows then uses its default)` : `Sets ${name} = ${change.registry[name]} (REG_DWORD)`,
    ),
  effect: 'The registry values take effect after Windows restarts.',
  formats: {
    reg: items,
    gpo: items,
    ansible: (change, undo, quoted) =>
      namedSettings(change).flatMap((name) => [
        `    - name: ${undo ? `Remove ${name}` : `Set ${name} to ${change.registry[name]}`}`,
        '      ansible.windows.win_regedit:',
        `        path: ${quoted(PS_KEY)}`,
        `        name: ${name}`,
        ...(undo
          ? ['        state: absent']
          : [`        data: ${change.registry[name]}`, '        type: dword', '        state: present']),
        '',
      ]),
    powershell: (change) => ({
      declare: [
        `$Key = '${PS_KEY}'`,
        '$Values = [ordered]@{',
        ...namedSettings(change).map((name) => `    '${name}' = ${change.registry[name]}`),
        '}',
      ],
      run: [
        '    foreach ($Name in $Values.Keys) {',
        '        $Now = Get-ItemProperty -Path $Key -Name $Name -ErrorAction SilentlyContinue',
        '        if ($Undo) {',
        '            if ($null -eq $Now) { Write-Output "${Name}: already absent"; continue }',
        '            if ($PSCmdlet.ShouldProcess("$Key\\$Name", \'Remove\')) { Remove-ItemProperty -Path $Key -Name $Name }',
        '            continue',
        '        }',
        '        $Want = $Values[$Name]',
        '        if ($null -ne $Now -and $Now.$Name -eq $Want -and (Get-Item -Path $Key).GetValueKind($Name) -eq \'DWord\') { Write-Output "${Name}: already set to $Want"; continue }',
        '        if ($PSCmdlet.ShouldProcess("$Key\\$Name", "Set to $Want (DWord)")) {',
        '            New-ItemProperty -Path $Key -Name $Name -PropertyType DWord -Value $Want -Force | Out-Null',
        '            $Read = (Get-ItemProperty -Path $Key -Name $Name).$Name',
        '            if ($Read -ne $Want) { throw "${Name} reads $Read after writing $Want" }',
        '            Write-Output "${Name}: set to $Want"',
        '        }',
        '    }',
      ],
    }),
  },
};
