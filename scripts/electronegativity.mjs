// Runs Doyensec's electronegativity over the project's Electron code and fails on any finding
// that is not in electronegativity.accepted.json with a reason. Offline: it cannot fetch
// Electron's release list, so it is told the version in package.json.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const electron = JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')).version;
const accepted = JSON.parse(readFileSync('scripts/electronegativity.accepted.json', 'utf8'));
const folder = mkdtempSync(path.join(tmpdir(), 'electronegativity-'));
const sarif = path.join(folder, 'findings.sarif');
try {
  const run = spawnSync(
    path.resolve('node_modules/.bin/electronegativity'),
    ['-i', 'electron', '-e', electron, '-r', '-o', sarif],
    { encoding: 'utf8' },
  );
  let results;
  try {
    results = JSON.parse(readFileSync(sarif, 'utf8')).runs[0].results;
  } catch {
    console.log(`electronegativity wrote no findings file (exit ${run.status}):\n${run.stdout}${run.stderr}`);
    process.exit(1);
  }
  const where = (result) =>
    result.locations
      .map((place) => `${place.physicalLocation.artifactLocation.uri}:${place.physicalLocation.region.startLine}`)
      .join(', ');
  // Paths in the findings are relative to electron/, the folder scanned.
  const acceptedFor = (result) => {
    const file = `electron/${result.locations[0]?.physicalLocation.artifactLocation.uri}`;
    return accepted.find((entry) => entry.ruleId === result.ruleId && (!entry.file || entry.file === file));
  };
  let open = 0;
  for (const result of results) {
    const entry = acceptedFor(result);
    if (!entry) open += 1;
    console.log(
      `${entry ? 'accepted' : 'FINDING '} ${result.ruleId} at ${where(result)}${entry ? ` (${entry.why})` : `: ${result.message.text}`}`,
    );
  }
  console.log(`electronegativity ${electron}: ${results.length} findings, ${open} not accepted`);
  process.exitCode = open > 0 ? 1 : 0;
} finally {
  rmSync(folder, { recursive: true, force: true });
}
