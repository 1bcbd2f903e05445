// Typechecks one Nx project: the files of the workspace's tsconfig.json under the project's root
// (tools/: tools/tsconfig.json), with the imports they follow, and nothing else.
//   node tools/nx/typecheck.mjs <projectRoot>
import path from 'node:path';
import ts from 'typescript';

const root = process.argv[2];
if (!root) {
  process.stderr.write('usage: node tools/nx/typecheck.mjs <projectRoot>\n');
  process.exit(2);
}
const configFile = root === 'tools' ? 'tools/tsconfig.json' : 'tsconfig.json';
const host = /** @type {ts.ParseConfigFileHost} */ (
  /** @type {unknown} */ ({ ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })
);
const config = ts.getParsedCommandLineOfConfigFile(configFile, {}, host);
if (!config) throw new Error(`cannot read ${configFile}`);
const mine = path.resolve(root) + path.sep;
const files = config.fileNames.filter((f) => path.resolve(f).startsWith(mine));
const program = ts.createProgram(files, { ...config.options, noEmit: true });
const diagnostics = ts.getPreEmitDiagnostics(program);
if (diagnostics.length) {
  const formatHost = {
    getCanonicalFileName: (/** @type {string} */ f) => f,
    getCurrentDirectory: ts.sys.getCurrentDirectory,
    getNewLine: () => ts.sys.newLine,
  };
  process.stderr.write(ts.formatDiagnosticsWithColorAndContext(diagnostics, formatHost));
  process.exit(1);
}
process.stdout.write(`${root}: ${files.length} files typecheck\n`);
