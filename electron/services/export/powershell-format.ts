import { DEFAULT_DYNAMIC_RANGE } from '../../../shared/port-range';
import { describeExport, namedSettings, type ExportChange, type ExportOptions } from './export-change';

const KEY = 'HKLM:\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters';

/**
 * A script for Intune (a remediation) or a scheduled run: backs up the key with `reg export`,
 * sets each value as DWord and reads it back, carries the dynamic range through netsh, and
 * exits non-zero on failure. -WhatIf shows what it would do; a second run says "already set";
 * -Undo removes the values (and puts the range back to Windows' default). Written for
 * PSScriptAnalyzer's default rules: full cmdlet names, no aliases, ShouldProcess for every change.
 */
export function powershellScript(change: ExportChange, options: ExportOptions): Buffer {
  const values = namedSettings(change).map((name) => `    '${name}' = ${change.registry[name]}`);
  const range = change.dynamicRange;
  const lines = [
    '<#',
    '.SYNOPSIS',
    ...describeExport(change, options).map((line) => `  ${line}`),
    '.DESCRIPTION',
    '  Backs up the key to %ProgramData%\\TCP Port Tuner\\backups with reg export, then changes only what differs and reads it back.',
    '  Run as administrator. -WhatIf shows the changes without making them; -Undo removes them.',
    '#>',
    '[CmdletBinding(SupportsShouldProcess = $true)]',
    `param([switch]$Undo${options.undo ? ' = $true' : ''})`,
    '',
    "$ErrorActionPreference = 'Stop'",
    `$Key = '${KEY}'`,
    '$Values = [ordered]@{',
    ...values,
    '}',
    range ? `$Range = @{ Start = ${range.start}; Count = ${range.count} }` : '$Range = $null',
    `$DefaultRange = @{ Start = ${DEFAULT_DYNAMIC_RANGE.start}; Count = ${DEFAULT_DYNAMIC_RANGE.count} }`,
    '',
    'try {',
    "    $Backups = Join-Path -Path $env:ProgramData -ChildPath 'TCP Port Tuner\\backups'",
    "    if ($PSCmdlet.ShouldProcess($Backups, 'Back up the Tcpip Parameters key')) {",
    '        New-Item -ItemType Directory -Path $Backups -Force | Out-Null',
    "        $File = Join-Path -Path $Backups -ChildPath ('Tcpip-Parameters-{0}.reg' -f (Get-Date -Format 'yyyy-MM-dd_HH-mm-ss'))",
    "        & reg.exe export 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters' $File /y | Out-Null",
    '        if ($LASTEXITCODE -ne 0) { throw "reg export failed with exit code $LASTEXITCODE" }',
    '    }',
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
    '    if ($null -ne $Range) {',
    '        $Target = if ($Undo) { $DefaultRange } else { $Range }',
    "        foreach ($Family in 'ipv4', 'ipv6') {",
    '            if ($PSCmdlet.ShouldProcess("$Family dynamic port range", "Set to start $($Target.Start), $($Target.Count) ports")) {',
    '                & netsh.exe int $Family set dynamicport tcp "start=$($Target.Start)" "num=$($Target.Count)" | Out-Null',
    '                if ($LASTEXITCODE -ne 0) { throw "netsh failed for $Family with exit code $LASTEXITCODE" }',
    '                Write-Output "$Family dynamic port range: start $($Target.Start), $($Target.Count) ports"',
    '            }',
    '        }',
    '    }',
    '    exit 0',
    '}',
    'catch {',
    '    Write-Error -Message "TCP Port Tuner: $($_.Exception.Message)" -ErrorAction Continue',
    '    exit 1',
    '}',
    '',
  ];
  return Buffer.from(lines.join('\r\n'), 'utf8');
}
