// Prints the run: script of one step of a composite action or workflow, so that a dry run executes
// exactly what GitHub would (with its ${{ }} values passed through env, as the workflow rules demand).
//   node .ci/step-script.mjs TOOLS_DIR FILE STEP_ID
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createRequire } from 'node:module';

const [tools, file, id] = process.argv.slice(2);
const YAML = createRequire(resolve(tools, 'package.json'))('yaml');
const doc = YAML.parse(readFileSync(file, 'utf8'));
const steps = [...(doc.runs?.steps ?? []), ...Object.values(doc.jobs ?? {}).flatMap((job) => job.steps ?? [])];
const step = steps.find((s) => s.id === id);
if (!step || typeof step.run !== 'string') {
  console.error(`${file}: no step with id '${id}' and a run: script`);
  process.exit(1);
}
process.stdout.write(step.run);
