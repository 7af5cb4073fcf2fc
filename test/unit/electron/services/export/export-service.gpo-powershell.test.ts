/**
 * The Group Policy and PowerShell exports against their golden files, each parsed or run as
 * its own engine would (xmllint, pwsh where installed).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { renderExport } from '../../../../../electron/services/export/export-service';
import { gpoRegistryXml } from '../../../../../electron/services/export/gpo-format';
import { tempFolder } from '../../../../helpers/temp-folder';
import { CHANGE, golden, onPath, options, WITH_RANGE } from '../../../../helpers/export-golden';

describe('export formats: Group Policy and PowerShell', () => {
  const temp = tempFolder('export');

  it('Group Policy: a Registry.xml of [MS-GPPREF] Registry items, Update to set, Delete to undo, values as 8 hex digits', async () => {
    let n = 0;
    const uid = () => `{00000000-0000-0000-0000-00000000000${++n}}`;
    const set = gpoRegistryXml(CHANGE, options(false), uid);
    const undo = gpoRegistryXml(CHANGE, options(true), uid);
    golden('set-Registry.xml', set);
    golden('undo-Registry.xml', undo);
    const text = set.toString('utf8');
    // Only the element and attribute names the specification gives these items.
    const allowed: Record<string, string[]> = {
      RegistrySettings: ['clsid', 'disabled'],
      Registry: [
        'clsid',
        'name',
        'status',
        'image',
        'changed',
        'uid',
        'desc',
        'bypassErrors',
        'userContext',
        'removePolicy',
        'disabled',
      ],
      Properties: ['action', 'displayDecimal', 'default', 'hive', 'key', 'name', 'type', 'value'],
    };
    for (const [, element, attributes] of text.matchAll(/<(\w+)((?:\s+\w+="[^"]*")*)\s*\/?>/g)) {
      assert.ok(element in allowed, `element ${element}`);
      for (const [, name] of attributes.matchAll(/(\w+)=/g))
        assert.ok(allowed[element].includes(name), `${element}@${name}`);
    }
    assert.deepEqual(
      [...text.matchAll(/name="(\w+)" type="REG_DWORD" value="(\w*)"/g)].map((match) => [match[1], match[2]]),
      [
        ['MaxUserPort', '0000fffe'],
        ['TcpTimedWaitDelay', '0000001e'],
      ],
    );
    assert.deepEqual(
      [...undo.toString('utf8').matchAll(/action="(\w)"/g)].map((match) => match[1]),
      ['D', 'D'],
    );
    assert.equal(
      new Set([...text.matchAll(/uid="([^"]+)"/g)].map((match) => match[1])).size,
      2,
      'each item has its own uid',
    );
    if (onPath('xmllint')) {
      const file = path.join(temp.path, 'Registry.xml');
      await writeFile(file, set);
      await promisify(execFile)('xmllint', ['--noout', file]);
    }
  });

  it('PowerShell: backs up, sets DWords with New-ItemProperty -Force, reads back, carries the range, supports -WhatIf and -Undo', () => {
    const { content } = renderExport('powershell', WITH_RANGE, options(false));
    golden('set.ps1', content);
    const script = content.toString('utf8');
    assert.match(script, /\[CmdletBinding\(SupportsShouldProcess = \$true\)\]/);
    assert.match(script, /param\(\[switch\]\$Undo\)/);
    assert.match(script, /& reg\.exe export 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters' \$File \/y/);
    assert.match(script, /New-ItemProperty -Path \$Key -Name \$Name -PropertyType DWord -Value \$Want -Force/);
    assert.match(script, /'MaxUserPort' = 65534\r\n    'TcpTimedWaitDelay' = 30\r\n/);
    assert.match(script, /\$Range = @\{ Start = 33061; Count = 32475 \}/);
    assert.match(script, /already set to \$Want/);
    assert.match(script, /exit 1/);
    // PSScriptAnalyzer's default rules: no aliases of common cmdlets, no Write-Host.
    for (const alias of [
      /\bgci\b/,
      /\bls\b/,
      /\bcd\b/,
      /\b%\s*\{/,
      /\?\s*\{/,
      /\bsls\b/,
      /\bgp\b/,
      /\bsp\b/,
      /\becho\b/,
      /Write-Host/,
    ])
      assert.doesNotMatch(script, alias);
    assert.match(
      renderExport('powershell', CHANGE, options(true)).content.toString('utf8'),
      /param\(\[switch\]\$Undo = \$true\)/,
    );
  });
});
