/**
 * Bundles a TypeScript entry into one CommonJS file for Windows' Node.js 22 in the bed, the way
 * scripts/build.mjs bundles the CLI; `external` modules are found beside it at run time.
 */
import { build } from 'esbuild';

export async function bundleForWindowsNode(
  entry: string,
  outfile: string,
  external: readonly string[] = [],
): Promise<void> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: [...external],
    logLevel: 'error',
  });
}
