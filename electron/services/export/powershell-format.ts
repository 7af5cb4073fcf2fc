import { bodiesIn, describeExport, type ExportChange, type ExportOptions } from './export-change';

/**
 * A script for Intune (a remediation) or a scheduled run: backs up the key with `reg export`,
 * then each kind's steps in table order (the values set as DWord and read back, the range through
 * netsh), and exits non-zero on failure. -WhatIf shows what it would do; a second run says "already set";
 * -Undo removes the values (and puts the range back to Windows' default). Written for
 * PSScriptAnalyzer's default rules: full cmdlet names, no aliases, ShouldProcess for every change.
 */
export function powershellScript(change: ExportChange, options: ExportOptions): Buffer {
  const parts = bodiesIn('powershell').map((body) => body(change));
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
    ...parts.flatMap((part) => part.declare),
    '',
    'try {',
    "    $Backups = Join-Path -Path $env:ProgramData -ChildPath 'TCP Port Tuner\\backups'",
    "    if ($PSCmdlet.ShouldProcess($Backups, 'Back up the Tcpip Parameters key')) {",
    '        New-Item -ItemType Directory -Path $Backups -Force | Out-Null',
    "        $File = Join-Path -Path $Backups -ChildPath ('Tcpip-Parameters-{0}.reg' -f (Get-Date -Format 'yyyy-MM-dd_HH-mm-ss'))",
    "        & reg.exe export 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters' $File /y | Out-Null",
    '        if ($LASTEXITCODE -ne 0) { throw "reg export failed with exit code $LASTEXITCODE" }',
    '    }',
    ...parts.flatMap((part) => part.run),
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
