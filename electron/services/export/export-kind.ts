import type { ExportFormat } from '../../../shared/export-formats';
import type { PortRange } from '../../../shared/port-range';
import type { PerSetting } from '../../../shared/settings';

/** The change to carry to other servers, already validated. */
export interface ExportChange {
  registry: Partial<PerSetting<number>>;
  dynamicRange: PortRange | null;
}

export interface ExportOptions {
  /** The removal instead: the named values deleted (Windows' defaults), the range back to 49152-65535. */
  undo: boolean;
  generatedAt: Date;
  toolVersion: string;
}

/** A REG_DWORD under HKEY_LOCAL_MACHINE as a registry file writes it: `dword` null deletes it. */
export interface RegistryItem {
  /** The key below HKEY_LOCAL_MACHINE. */
  key: string;
  name: string;
  dword: number | null;
}

/**
 * What a kind writes in each format, in that format's terms; the format file keeps the frame
 * (header, footer, escaping, order). Every kind with a body is asked, named or not: one that the
 * change does not name writes nothing (PowerShell: its variables, empty).
 */
export interface FormatBodies {
  /** A .reg file and Group Policy Preferences hold registry values only: the kind names them, the format writes them. */
  reg: (change: ExportChange, undo: boolean) => RegistryItem[];
  gpo: (change: ExportChange, undo: boolean) => RegistryItem[];
  /** Its playbook tasks; `quoted` makes a YAML string. */
  ansible: (change: ExportChange, undo: boolean, quoted: (text: string) => string) => string[];
  /** Its variables, set before anything runs, and its steps, run after the backup; the script's own -Undo picks the way. */
  powershell: (change: ExportChange) => { declare: string[]; run: string[] };
}

/** What a product kind is in an export: every format's header says it the same way. */
export interface KindExport {
  /** Whether the export carries this kind's part of the change. */
  named(change: ExportChange): boolean;
  /** What the export does to it, one line each, in the header every format writes. */
  says(change: ExportChange, undo: boolean): string[];
  /** When it takes effect, where that needs saying. */
  effect: string | null;
  /** Per format: its body there, or (a string) why that format cannot carry it, said when the change names it. */
  formats: { readonly [F in ExportFormat]: FormatBodies[F] | string };
}
