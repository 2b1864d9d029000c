// Reads a Jest --json result of suites run without their reference data or tool and fails
// unless every test that needs them is reported skipped ("pending"), not passed.
import fs from 'node:fs';

// Tests that run without the data or tool on purpose (they use neither).
const INDEPENDENT = [
  /^validateOpenSloSlo (accepts|rejects|requires|explains)/,
  /^scanner rules: /,
];
const NEEDS = [
  /against Sloth/,
  /against the reference research/,
  /OpenSLO v1 conformance/,
  /^scanner rules on /,
  /promtool/,
  /OpenSLO v1 schema accepts|with the OpenSLO schema/,
];

const result = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const tests = result.testResults.flatMap(file => file.assertionResults);
const dependent = tests.filter(
  t =>
    NEEDS.some(re => re.test(t.fullName)) &&
    !INDEPENDENT.some(re => re.test(t.fullName)),
);
const ran = dependent.filter(t => t.status !== 'pending');
for (const t of ran) console.error(`not skipped (${t.status}): ${t.fullName}`);
if (dependent.length === 0 || ran.length > 0) {
  console.error(
    `FAILED: ${ran.length} of ${dependent.length} tests that need the reference data or promtool ran without them`,
  );
  process.exit(1);
}
console.log(
  `ok: ${dependent.length} tests skipped, none passed without its data`,
);
