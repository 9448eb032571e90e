// Doyensec's electronegativity over the Electron main process source and the built app
// (`npm run lint:electron`, part of `npm test`, after the build). Every finding must be fixed
// or listed in security/electronegativity-allowlist.json with the reason it is not a problem;
// an allowlist entry that no longer matches anything fails too, so the list stays true.
// ELECTRONEGATIVITY_BIN points at another install (e.g. one in a temporary folder).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const bin = process.env.ELECTRONEGATIVITY_BIN ?? join(root, 'node_modules', '.bin', 'electronegativity');
// The main process source, and the built app as it ships: main, preload and the page with its CSP meta tag.
const inputs = ['src-main', 'out'];
const allowlistPath = 'security/electronegativity-allowlist.json';

if (!existsSync(bin)) fail(`electronegativity is not installed (${bin}): npm install --save-dev --save-exact @doyensec/electronegativity`);
const missing = inputs.filter((input) => !existsSync(join(root, input)));
if (missing.length > 0) fail(`${missing.join(', ')} missing: run npm run build first.`);

// The Electron version decides the defaults it assumes (before 12 contextIsolation was off).
const electronVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies.electron;
const allowlist = JSON.parse(readFileSync(join(root, allowlistPath), 'utf8'));
for (const entry of allowlist) {
  if (typeof entry.check !== 'string' || typeof entry.file !== 'string' || typeof entry.reason !== 'string' || entry.reason.trim().length < 20) {
    fail(`${allowlistPath}: every entry needs check, file and a reason that says why: ${JSON.stringify(entry)}`);
  }
}

const findings = inputs.flatMap(scan);
const used = new Set();
const unexplained = findings.filter((finding) => {
  const index = allowlist.findIndex((entry) => entry.check === finding.check && entry.file === finding.file);
  if (index >= 0) used.add(index);
  return index < 0;
});
const stale = allowlist.filter((_entry, index) => !used.has(index));

for (const finding of findings) console.log(`${unexplained.includes(finding) ? 'FINDING  ' : 'allowed  '} ${finding.check} ${finding.file}:${finding.line} ${finding.message}`);
for (const entry of stale) console.log(`STALE     ${entry.check} ${entry.file}: listed in ${allowlistPath} but no longer found; remove it`);
if (unexplained.length > 0 || stale.length > 0) {
  fail(`${unexplained.length} finding(s) to fix or explain in ${allowlistPath}, ${stale.length} stale allowlist entr(ies).`);
}
console.log(`electronegativity: ${findings.length} finding(s), each explained in ${allowlistPath}.`);

function scan(input) {
  const outDir = mkdtempSync(join(tmpdir(), 'reskontra-electronegativity-'));
  const report = join(outDir, 'report.sarif');
  try {
    const run = spawnSync(bin, ['--input', join(root, input), '--relative', '--electron-version', electronVersion, '--output', report, '--verbose', 'false'], {
      encoding: 'utf8',
      timeout: 300_000,
    });
    if (run.status !== 0 || !existsSync(report)) fail(`electronegativity failed on ${input} (${run.status ?? run.signal}): ${run.stderr}${run.stdout}`);
    const { runs } = JSON.parse(readFileSync(report, 'utf8'));
    return runs[0].results.map((result) => {
      const location = result.locations[0].physicalLocation;
      const file = location.artifactLocation.uri;
      return {
        check: result.ruleId,
        // --relative names files inside the input folder.
        file: posix.join(input, file),
        line: location.region.startLine,
        message: result.message.text,
      };
    });
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

function fail(message) {
  console.error(`lint:electron: ${message}`);
  process.exit(1);
}
