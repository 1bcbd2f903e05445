// The Nx targets of every project, inferred from what it holds (as Nx's own plugins infer theirs),
// so a project gets `unit` the day it gets its first *.spec.ts and nothing is listed twice:
//   lint          eslint on the project, zero warnings
//   typecheck     tsc on the project's files (tools/nx/typecheck.mjs)
//   unit          Jest's unit project on its *.spec.ts            (when it has some)
//   integration   Jest's integration project on its *.int-spec.ts (when it has some; real NATS,
//                 Redis and a database of the run's own: tools/test/jest.mjs)
//   e2e           the end-to-end suites on a fresh build             (when it has *.e2e-spec.ts)
// Inputs (nx.json's namedInputs): a project's own files, its dependencies' production files, and
// the configuration the target runs with; everything but e2e is cached.
const { readdirSync } = require('node:fs');
const path = require('node:path');

/** @param {string} dir @param {RegExp} pattern @returns {boolean} whether a file under dir matches */
function holds(dir, pattern) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && holds(path.join(dir, entry.name), pattern)) return true;
    } else if (pattern.test(entry.name)) return true;
  }
  return false;
}

/** @param {string} root the project's root, relative to the workspace */
function targetsOf(root, workspaceRoot) {
  const has = (/** @type {RegExp} */ pattern) => holds(path.join(workspaceRoot, root), pattern);
  const jest = ['{workspaceRoot}/jest.config.js', { externalDependencies: ['jest', '@swc/jest'] }];
  /** @type {Record<string, import('nx/src/config/workspace-json-project-json').TargetConfiguration>} */
  const targets = {
    lint: {
      command: 'eslint {projectRoot} --max-warnings 0',
      cache: true,
      inputs: ['default', '^production', '{workspaceRoot}/eslint.config.mjs', { externalDependencies: ['eslint'] }],
    },
    typecheck: {
      command: 'node tools/nx/typecheck.mjs {projectRoot}',
      cache: true,
      inputs: ['default', '^production', { externalDependencies: ['typescript'] }],
    },
  };
  if (has(/(?<!int-|e2e-)\.spec\.ts$/))
    targets.unit = {
      command: 'jest {projectRoot}/ --selectProjects unit --passWithNoTests',
      cache: true,
      inputs: ['default', '^production', ...jest],
    };
  if (has(/\.int-spec\.ts$/))
    targets.integration = {
      command: 'node tools/test/jest.mjs {projectRoot}/ --selectProjects integration',
      cache: true,
      inputs: ['default', '^production', ...jest, '{workspaceRoot}/tools/test/jest.mjs'],
    };
  if (has(/\.e2e-spec\.ts$/))
    targets.e2e = {
      command: 'node tools/build.mjs && node tools/test/jest.mjs --selectProjects e2e',
      cache: false,
    };
  return targets;
}

/** @type {import('nx/src/project-graph/plugins/public-api').CreateNodesV2} */
exports.createNodesV2 = [
  '**/project.json',
  (files, _options, context) =>
    files.map((file) => {
      const root = path.dirname(file);
      return [file, { projects: { [root]: { targets: targetsOf(root, context.workspaceRoot) } } }];
    }),
];
