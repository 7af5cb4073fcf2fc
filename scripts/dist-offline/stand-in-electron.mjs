// A stand-in for Electron's Windows build, for the offline installer check only: electron-builder
// needs an electron.exe to brand and pack, and these machines cannot download the real one.
// It is 7-Zip's 64-bit 7z.exe from electron-winstaller's vendor folder (an npm package that
// electron-builder already installs): a PE without a symbol table whose last section is its
// resources, as resedit requires (Wine's builtin exes are refused). It carries a fuse wire where
// @electron/fuses looks for one, in the slack after .rdata's data, so the project's fuses flip,
// and a manifest asking for no elevation, as Electron's does, for electron-builder to set to
// highestAvailable. It proves the install mechanics, never that Electron starts.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const MANIFEST = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<assembly xmlns="urn:schemas-microsoft-com:asm.v1" manifestVersion="1.0">
  <trustInfo xmlns="urn:schemas-microsoft-com:asm.v3">
    <security>
      <requestedPrivileges>
        <requestedExecutionLevel level="asInvoker" uiAccess="false"/>
      </requestedPrivileges>
    </security>
  </trustInfo>
</assembly>
`;
/** Fuse wire version 1 with Electron's eight V1 fuses, each enabled ('1') as in a fresh build. */
const WIRE = Buffer.concat([Buffer.from(SENTINEL, 'latin1'), Buffer.from([1, 8]), Buffer.from('11111111', 'latin1')]);

export function buildStandInElectron(folder) {
  const source = require.resolve('electron-winstaller/vendor/7z-x64.exe');
  const { NtExecutable, NtExecutableResource } = require('resedit');
  const executable = NtExecutable.from(readFileSync(source));
  const resources = NtExecutableResource.from(executable);
  const manifest = Buffer.from(MANIFEST, 'utf8');
  resources.entries.push({
    type: 24,
    id: 1,
    lang: 1033,
    codepage: 0,
    bin: manifest.buffer.slice(manifest.byteOffset, manifest.byteOffset + manifest.length),
  });
  resources.outputResource(executable);
  const exe = Buffer.from(executable.generate());
  const rdata = NtExecutable.from(exe)
    .getAllSections()
    .find((section) => section.info.name === '.rdata');
  const slack = rdata.info.sizeOfRawData - rdata.info.virtualSize;
  if (slack < WIRE.length)
    throw new Error(`${source}: .rdata has ${slack} spare bytes, the fuse wire needs ${WIRE.length}`);
  WIRE.copy(exe, rdata.info.pointerToRawData + rdata.info.virtualSize);

  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'electron.exe'), exe);
  const electron = path.dirname(require.resolve('electron/package.json'));
  copyFileSync(path.join(electron, 'LICENSE'), path.join(folder, 'LICENSE'));
  writeFileSync(
    path.join(folder, 'version'),
    JSON.parse(readFileSync(path.join(electron, 'package.json'), 'utf8')).version,
  );
  return folder;
}
