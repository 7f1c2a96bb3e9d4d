// Loaded by mocha before the unit tests (test/unit/.mocharc.json). Property tests (fast-check) run with one
// fixed seed, so one commit gives one result: CI cannot pass or fail on the luck of the draw.
// To explore other inputs, set PAPER_SCOUT_PROPERTY_SEED to a number or to `random` (npm run test:properties);
// fast-check prints the seed and path of any counterexample it finds, to replay it with that seed.
const fc = require('fast-check');

const asked = process.env.PAPER_SCOUT_PROPERTY_SEED ?? '';
const seed = asked === 'random' ? (Date.now() ^ (Math.random() * 0x100000000)) | 0 : asked ? Number(asked) : 20261205;
if (!Number.isInteger(seed)) throw new Error(`PAPER_SCOUT_PROPERTY_SEED must be an integer or "random", not ${JSON.stringify(asked)}`);
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
if (asked) console.log(`property tests: seed ${seed}`);
