/**
 * The old single entry point of the test helpers, kept only for the tests other branches move
 * while this one splits it: new code imports processes.ts, temp-folder.ts, wine-prefix.ts,
 * with-prefix.ts or cli-run.ts, each named for what it does. Remove once nothing imports it.
 */
export { type Run } from './processes';
export { freshPath, makeTempRoot, removeTempRoot } from './temp-folder';
export { createPrefix, destroyPrefix, KEY, SETTINGS, type RegTool, type WinePrefix } from './wine-prefix';
export { cliMessages, productEnv, readJournal, runCli, startCli } from './cli-run';
