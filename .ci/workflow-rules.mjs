// The project's own rules for its workflows and actions, beyond the JSON schema that action-validator
// checks. Run by .ci/validate-workflows with the pinned 'yaml' package from target/node-tools.
//   node .ci/workflow-rules.mjs TOOLS_DIR FILE...
// Prints one line per broken rule, naming the file; exits 1 when any rule is broken.
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { createRequire } from 'node:module';

const [tools, ...files] = process.argv.slice(2);
const YAML = createRequire(resolve(tools, 'package.json'))('yaml');

// The marker the comment is found by: the render script writes it, the commenting workflow looks for it.
const MARKER = '<!-- poolbench-compare -->';

let broken = 0;
function fail(file, message) {
  console.error(`RULE    ${file}: ${message}`);
  broken++;
}

function triggers(on) {
  if (typeof on === 'string') return [on];
  if (Array.isArray(on)) return on;
  return Object.keys(on ?? {});
}

function steps(doc) {
  const all = [];
  for (const job of Object.values(doc.jobs ?? {})) all.push(...(job.steps ?? []));
  all.push(...(doc.runs?.steps ?? []));
  return all;
}

function same(a, b) {
  return JSON.stringify(Object.entries(a ?? {}).sort()) === JSON.stringify(Object.entries(b ?? {}).sort());
}

const uses = (step, action) => typeof step.uses === 'string' && step.uses.split('@')[0] === action;

for (const file of files) {
  const doc = YAML.parse(readFileSync(file, 'utf8'));
  const isAction = basename(file) === 'action.yml' || basename(file) === 'action.yaml';
  const before = broken;

  // Everywhere: an expression inside a script is pasted into it before bash runs it, so a branch
  // name or an input could run commands; values reach scripts through env.
  for (const step of steps(doc)) {
    if (typeof step.run === 'string' && step.run.includes('${{')) {
      fail(file, `step '${step.name ?? step.run.split('\n')[0]}' has \${{ }} inside run: pass it through env`);
    }
  }

  if (isAction) {
    if (doc.runs?.using !== 'composite') fail(file, 'an action here is a composite action');
    for (const step of steps(doc)) {
      if (step.run !== undefined && !step.shell) fail(file, `step '${step.name ?? ''}' has run: without shell:`);
    }
  } else {
    const on = triggers(doc.on);
    if (on.includes('pull_request_target')) {
      fail(file, 'pull_request_target runs with a write token in the base repository: use pull_request, and workflow_run to comment');
    }
    if (doc.permissions === undefined) fail(file, 'no top-level permissions: the default token may write');
    if (on.includes('workflow_run')) {
      // Such a run has the base repository's token; the code of the run that triggered it is not to be trusted.
      for (const step of steps(doc)) {
        if (uses(step, 'actions/checkout')) fail(file, 'a workflow_run workflow checks out code: it must only read artifacts');
        if (typeof step.uses === 'string' && step.uses.startsWith('./')) fail(file, `a workflow_run workflow runs a local action (${step.uses})`);
      }
    }
  }

  if (basename(file) === 'pr-compare.yml') {
    const on = triggers(doc.on);
    if (on.length !== 1 || on[0] !== 'pull_request') fail(file, 'must run on pull_request only');
    if (!same(doc.permissions, { contents: 'read' })) fail(file, 'permissions must be exactly contents: read');
    for (const [name, job] of Object.entries(doc.jobs ?? {})) {
      if (job.permissions !== undefined) fail(file, `job '${name}' sets its own permissions`);
    }
    const checkouts = steps(doc).filter((s) => uses(s, 'actions/checkout'));
    const refs = checkouts.map((s) => String(s.with?.ref ?? ''));
    if (!refs.some((r) => r.includes('pull_request.head.sha')) || !refs.some((r) => r.includes('pull_request.base.sha'))) {
      fail(file, 'must check out both the head and the base of the pull request (same job, same runner)');
    }
    if (checkouts.some((s) => s.with?.['persist-credentials'] !== false)) fail(file, 'every checkout needs persist-credentials: false');
    if (!steps(doc).some((s) => typeof s.run === 'string' && s.run.includes('.ci/pr-compare-render'))) {
      fail(file, 'must render the comment with .ci/pr-compare-render (the script the dry run checks)');
    }
    if (!steps(doc).some((s) => uses(s, 'actions/upload-artifact') && s.with?.name === 'pr-compare')) {
      fail(file, "must upload the 'pr-compare' artifact");
    }
  }

  if (basename(file) === 'pr-compare-comment.yml') {
    const on = triggers(doc.on);
    if (on.length !== 1 || on[0] !== 'workflow_run' || !(doc.on.workflow_run?.workflows ?? []).includes('pr-compare')) {
      fail(file, 'must run on workflow_run of pr-compare only');
    }
    if (!same(doc.permissions, { 'pull-requests': 'write', actions: 'read' })) {
      fail(file, 'permissions must be exactly pull-requests: write and actions: read (to download the artifact)');
    }
    for (const [name, job] of Object.entries(doc.jobs ?? {})) {
      if (job.permissions !== undefined) fail(file, `job '${name}' sets its own permissions`);
    }
    const download = steps(doc).find((s) => uses(s, 'actions/download-artifact'));
    if (!download || download.with?.name !== 'pr-compare' || !String(download.with?.['run-id']).includes('workflow_run.id')) {
      fail(file, "must download the 'pr-compare' artifact of the run that triggered it");
    }
    const script = steps(doc).map((s) => s.run ?? '').join('\n');
    if (!script.includes(MARKER)) fail(file, `must find its earlier comment by the marker ${MARKER}`);
    if (!script.includes('--method PATCH')) fail(file, 'must edit its earlier comment rather than add one');
    const render = readFileSync(resolve('.ci/pr-compare-render'), 'utf8');
    if (!render.includes(MARKER)) fail('.ci/pr-compare-render', `does not write the marker ${MARKER}`);
  }

  if (broken === before) console.log(`ok      ${file} (rules)`);
}
process.exit(broken > 0 ? 1 : 0);
