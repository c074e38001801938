// Splits the integration tests into shards of about equal running time (npm test runs two at once,
// each with its own database and Temporal dev server), and runs each shard's longest files first.
// Jest's own split counts files, not seconds: one shard would get the ten-minute browser lifecycle
// and the fault suite together. The weights are seconds measured on a 2-core machine
// (test/setup/test-weights.json); a file not listed counts as DEFAULT_WEIGHT.
const path = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;
const WEIGHTS = require('./test-weights.json');

const ROOT = path.resolve(__dirname, '../..');
const DEFAULT_WEIGHT = 30;

const weightOf = (test) => WEIGHTS[path.relative(ROOT, test.path).split(path.sep).join('/')] ?? DEFAULT_WEIGHT;
const byWeightThenPath = (a, b) => weightOf(b) - weightOf(a) || a.path.localeCompare(b.path);

class WeightedSequencer extends Sequencer {
  /** Longest first, every shard filled in turn to the lightest: the same split on every machine. */
  shard(tests, { shardIndex, shardCount }) {
    const loads = new Array(shardCount).fill(0);
    const mine = [];
    for (const test of [...tests].sort(byWeightThenPath)) {
      const lightest = loads.indexOf(Math.min(...loads));
      loads[lightest] += weightOf(test);
      if (lightest === shardIndex - 1) mine.push(test);
    }
    return mine;
  }

  sort(tests) {
    return [...tests].sort(byWeightThenPath);
  }
}

module.exports = WeightedSequencer;
