// Types for platform.mjs, which stays JavaScript: setup runs it before npm's packages exist.
export type Suite = 'unit' | 'mariadb' | 'wine' | 'windows-mode' | 'installer' | 'e2e';
export type Check = 'typecheck' | 'typecheck shared' | 'lint' | 'build' | 'electronegativity' | 'actionlint';
export const SUITES: readonly Suite[];
export const NEEDS_DEBIAN: Readonly<Record<Exclude<Suite, 'unit'>, string>>;
export const CHECKS: readonly Check[];
export function setupPlan(platform: NodeJS.Platform, script?: string): { debianSetup: boolean; lines: string[] };
export function testPlan(
  platform: NodeJS.Platform,
  asked?: string,
): { checks: Check[]; suites: Suite[]; notHere: { suite: Suite; why: string }[] };
