import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { resolveTarget } from '../../../../../electron/services/host/target';
import { describeWindows, windowsInfo, wineVersion } from '../../../../../electron/services/host/windows-version';
import { tempFolder } from '../../../../helpers/temp-folder';

/** Cut from the system.reg of a Wine 8 prefix set to imitate Windows 7, with its neighbours. */
const WINE_WINDOWS_7 = `WINE REGISTRY Version 2
;; All keys relative to REGISTRY\\\\Machine

#arch=win64

[Software\\\\Microsoft\\\\Windows Messaging Subsystem] 1795522059
#time=1dd7c0c66887084
"MAPI"="1"

[Software\\\\Microsoft\\\\Windows NT\\\\CurrentVersion] 1795522059
#time=1dd7c0c6698b250
"CSDVersion"="Service Pack 1"
"CurrentBuild"="7601"
"CurrentBuildNumber"="7601"
"CurrentType"="Uniprocessor Free"
"CurrentVersion"="6.1"
"DigitalProductId"=hex:00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,\\
  00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00
"InstallDate"=dword:4be5019a
"ProductId"="12345-oem-0000001-54321"
"ProductName"="Microsoft Windows 7"
"RegisteredOrganization"=""
"RegisteredOwner"=""
"SystemRoot"="C:\\\\windows"

[Software\\\\Microsoft\\\\Windows NT\\\\CurrentVersion\\\\AeDebug] 1795522059
#time=1dd7c0c6687d28c
"Auto"="1"
"Debugger"="winedbg --auto %ld %ld"
`;

/** The same key as Wine writes it when imitating Windows 10: the version lives in two DWORDs there. */
const WINE_WINDOWS_10 = `[Software\\\\Microsoft\\\\Windows NT\\\\CurrentVersion] 1795522059
#time=1dd7c0c6698b250
"CurrentBuild"="19045"
"CurrentBuildNumber"="19045"
"CurrentMajorVersionNumber"=dword:0000000a
"CurrentMinorVersionNumber"=dword:00000000
"CurrentVersion"="6.3"
"ProductName"="Windows 10 Pro"

[Software\\\\Microsoft\\\\Windows NT\\\\CurrentVersion\\\\AeDebug] 1795522059
"Auto"="1"
`;

describe('describeWindows', () => {
  const cases: [version: string, name: string, dynamic: boolean][] = [
    ['5.0.2195', 'Windows 2000', false],
    ['5.1.2600', 'Windows XP', false],
    ['5.2.3790', 'Windows Server 2003 / XP x64', false],
    ['6.0.6002', 'Windows Vista / Server 2008', true],
    ['6.1.7601', 'Windows 7 / Server 2008 R2', true],
    ['6.3.9600', 'Windows 8.1 / Server 2012 R2', true],
    ['10.0.20348', 'Windows 10 / 11 or Server 2016 and later', true],
    ['11.0', 'Windows NT 11.0', true],
  ];
  for (const [version, name, dynamic] of cases) {
    it(`NT ${version} is ${name}, ${dynamic ? 'where the netsh dynamic range rules' : 'where MaxUserPort rules'}`, () => {
      assert.deepEqual(describeWindows('windows', version), {
        host: 'windows',
        version,
        name,
        usesDynamicPortRange: dynamic,
      });
    });
  }

  it("prefers the product's own name, unless it is blank", () => {
    assert.equal(
      describeWindows('windows', '10.0.26100', 'Windows Server 2025 Datacenter').name,
      'Windows Server 2025 Datacenter',
    );
    assert.equal(describeWindows('windows', '10.0.26100', '  ').name, 'Windows 10 / 11 or Server 2016 and later');
  });
});

describe('wineVersion', () => {
  it('reads the version, build and product name a Windows 7 prefix records', () => {
    assert.deepEqual(wineVersion(WINE_WINDOWS_7), ['6.1.7601', 'Microsoft Windows 7']);
  });

  it('reads the version from the major and minor DWORDs where Wine writes them', () => {
    assert.deepEqual(wineVersion(WINE_WINDOWS_10), ['10.0.19045', 'Windows 10 Pro']);
    // As the file is read: its bytes, with only the section decoded.
    assert.deepEqual(wineVersion(Buffer.from(`WINE REGISTRY Version 2\n${WINE_WINDOWS_10}`)), [
      '10.0.19045',
      'Windows 10 Pro',
    ]);
  });

  it('looks only inside the CurrentVersion key, not in the keys after it', () => {
    const text = WINE_WINDOWS_10.replace('"ProductName"="Windows 10 Pro"\n', '').replace(
      '"Auto"="1"',
      '"ProductName"="AeDebug is not Windows"',
    );
    assert.deepEqual(wineVersion(text), ['10.0.19045', undefined]);
  });

  it('is null before Wine has written the key', () => {
    assert.equal(wineVersion(''), null);
    assert.equal(wineVersion('WINE REGISTRY Version 2\n'), null);
  });
});

describe('windowsInfo on Wine', () => {
  const temp = tempFolder('windows-version');

  it("describes the Windows the prefix's system.reg imitates", async () => {
    const prefix = temp.fresh('prefix');
    await mkdir(prefix);
    await writeFile(path.join(prefix, 'system.reg'), WINE_WINDOWS_7);
    assert.deepEqual(await windowsInfo(resolveTarget({ WINEPREFIX: prefix }, 'linux')), {
      host: 'wine',
      version: '6.1.7601',
      name: 'Microsoft Windows 7',
      usesDynamicPortRange: true,
    });
  });

  it('says the version is not recorded yet for a prefix Wine has not written out', async () => {
    const prefix = temp.fresh('prefix');
    await mkdir(prefix);
    assert.deepEqual(await windowsInfo(resolveTarget({ WINEPREFIX: prefix }, 'linux')), {
      host: 'wine',
      version: 'unknown',
      name: 'Wine (Windows version not recorded yet)',
      usesDynamicPortRange: true,
    });
  });
});
