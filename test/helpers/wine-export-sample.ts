/**
 * What Wine 8's `reg export` wrote for the Parameters key after `reg add` of odd values: the
 * sample the .reg parser and the snapshot of the two settings are both read against.
 */
import { KEY } from './wine-prefix';

export { KEY };

/** What Wine 8's `reg export` wrote for the Parameters key after `reg add` of odd values. */
export const WINE_EXPORT = [
  'Windows Registry Editor Version 5.00',
  '',
  `[${KEY}]`,
  '"A \\"quoted\\\\ name"="say \\"hi\\" \\\\ there"',
  '"A_bin"=hex:01,02,ff',
  '"A_exp"=hex(2):25,00,53,00,79,00,73,00,74,00,65,00,6d,00,52,00,6f,00,6f,00,74,\\',
  '  00,25,00,5c,00,78,00,00,00',
  '"A_multi"=hex(7):61,00,00,00,62,00,00,00,00,00',
  '"A_none"=hex(0):7a,00,7a,00,00,00',
  '"A_q"=hex(b):14,1a,99,be,1c,00,00,00',
  '"DataBasePath"="C:\\\\windows\\\\system32\\\\drivers\\\\etc"',
  '"Domain"=""',
  '"Hostname"="vm"',
  '"MaxUserPort"="65534"',
  '"tcptimedwaitdelay"=dword:0000001e',
  '',
  '',
].join('\r\n');
