/** What the export format tests share: the fixed change, its options, and the golden files (UPDATE_GOLDEN=1 rewrites them). */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ExportChange, ExportOptions } from '../../electron/services/export/export-change';

const GOLDEN = path.resolve(__dirname, '../fixtures/export');
export const AT = new Date('2026-11-25T10:00:00.000Z');
export const CHANGE: ExportChange = { registry: { MaxUserPort: 65534, TcpTimedWaitDelay: 30 }, dynamicRange: null };
export const WITH_RANGE: ExportChange = { ...CHANGE, dynamicRange: { start: 33061, count: 32475 } };
export const options = (undo: boolean): ExportOptions => ({ undo, generatedAt: AT, toolVersion: '9.9.9' });
export const onPath = (tool: string) => {
  try {
    execFileSync('which', [tool]);
    return true;
  } catch {
    return false;
  }
};

export function golden(name: string, content: Buffer): void {
  const file = path.join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, content);
  assert.ok(existsSync(file), `${name} has no golden file: run with UPDATE_GOLDEN=1 and review it`);
  assert.deepEqual(content, readFileSync(file), `${name} differs from its golden file`);
}
