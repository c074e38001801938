// Writes test/setup/test-weights.json (seconds per integration test file, which the sequencer splits the
// shards by) from the reports of the last `npm test`: node test/setup/update-test-weights.js
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const OUT = path.join(__dirname, 'test-weights.json');

const reports = fs.readdirSync(ARTIFACTS).filter((f) => /^integration(-\d+)?\.json$/.test(f));
if (reports.length === 0) throw new Error(`no integration report in ${ARTIFACTS}; run npm test first`);
const weights = {};
for (const file of reports)
  for (const r of JSON.parse(fs.readFileSync(path.join(ARTIFACTS, file), 'utf8')).testResults)
    weights[path.relative(ROOT, r.name).split(path.sep).join('/')] = Math.max(
      1,
      Math.round((r.endTime - r.startTime) / 1000),
    );
const sorted = Object.fromEntries(Object.entries(weights).sort(([a], [b]) => a.localeCompare(b)));
fs.writeFileSync(OUT, `${JSON.stringify(sorted, null, 2)}\n`);
console.log(
  `${Object.keys(sorted).length} files, ${Object.values(sorted).reduce((a, b) => a + b, 0)} s in all → ${OUT}`,
);
