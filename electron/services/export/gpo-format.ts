import { randomUUID } from 'node:crypto';
import { bodiesIn, describeExport, hexDword, type ExportChange, type ExportOptions } from './export-change';

// The class ids Group Policy Management writes for a Registry preference collection and item ([MS-GPPREF] 2.2.1.2).
const SETTINGS_CLSID = '{A3CCFC41-DFDB-43a5-8D26-0FE8B954DA51}';
const ITEM_CLSID = '{9CD4B2F4-923D-47f5-A062-E897DD1DAD50}';

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** GPMC's own "changed" format: local time as yyyy-MM-dd HH:mm:ss. */
function changed(date: Date): string {
  return date.toISOString().replace('T', ' ').slice(0, 19);
}

/**
 * A Group Policy Preferences Registry.xml: one Registry item per value the kinds name, Update (U)
 * to set and Delete (D) to undo. GPP has no netsh: a kind without a GPO body (the dynamic range)
 * is refused before this runs.
 */
export function gpoRegistryXml(
  change: ExportChange,
  options: ExportOptions,
  uid: () => string = () => `{${randomUUID().toUpperCase()}}`,
): Buffer {
  const items = bodiesIn('gpo')
    .flatMap((body) => body(change, options.undo))
    .map(({ key, name, dword }) =>
      [
        `  <Registry clsid="${ITEM_CLSID}" name="${escape(name)}" status="${escape(name)}" image="${dword === null ? 3 : 2}" changed="${changed(options.generatedAt)}" uid="${uid()}">`,
        `    <Properties action="${dword === null ? 'D' : 'U'}" displayDecimal="1" default="0" hive="HKEY_LOCAL_MACHINE" key="${escape(key)}" name="${escape(name)}" type="REG_DWORD" value="${dword === null ? '' : hexDword(dword)}"/>`,
        '  </Registry>',
      ].join('\r\n'),
    );
  const comment = describeExport(change, options)
    .map((line) => `  ${escape(line)}`)
    .join('\r\n');
  return Buffer.from(
    [
      '<?xml version="1.0" encoding="utf-8"?>',
      `<!--\r\n${comment}\r\n  Paste into GPMC: Computer Configuration > Preferences > Windows Settings > Registry (drag and drop).\r\n-->`,
      `<RegistrySettings clsid="${SETTINGS_CLSID}">`,
      ...items,
      '</RegistrySettings>',
      '',
    ].join('\r\n'),
    'utf8',
  );
}
