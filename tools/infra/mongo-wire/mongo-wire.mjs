// The local and test MongoDB-wire database: mongo-java-server, atomic per document as MongoDB is.
// One module for its three users: `infra:up` (the persistent H2 instance `npm start` uses), the
// test runner and the bench (a private in-memory instance per run, dropped with the run).
// Jars come from Maven Central through `mvn` (pom.xml beside this file); the launcher is compiled
// once with javac. Everything lands under .infra/mongo-wire/ and is rebuilt when pom.xml or the
// launcher changes.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../../..');
const INFRA = process.env.INFRA_DIR ?? path.join(ROOT, '.infra');
const HOME = path.join(INFRA, 'mongo-wire');
const SOURCES = ['pom.xml', 'MongoWireServer.java'].map((f) => path.join(HERE, f));
/** Heap caps: unbounded, the JVM grew to 850 MB under load. H2 keeps its data on disk. */
const HEAP = { memory: process.env.MONGO_WIRE_HEAP ?? '1g', h2: process.env.MONGO_WIRE_HEAP ?? '512m' };

const which = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

/** What mvn, javac and java need: Debian's packages when missing and we are root. */
function ensureJdk(log) {
  const missing = [
    ['java', 'openjdk-17-jre-headless'],
    ['javac', 'openjdk-17-jdk-headless'],
    ['mvn', 'maven'],
  ].filter(([bin]) => !which(bin));
  if (missing.length === 0) return;
  const pkgs = [...new Set(missing.map(([, pkg]) => pkg))];
  if (process.getuid?.() !== 0)
    throw new Error(`${missing.map(([b]) => b).join(', ')} not found. Run: sudo apt-get install -y ${pkgs.join(' ')}`);
  log(`installing ${pkgs.join(', ')} with apt-get (one time)...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', ...pkgs],
  ]) {
    const r = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (r.status !== 0)
      throw new Error(`apt-get ${args.join(' ')} exited with ${r.status}; check access to Debian's mirror`);
  }
}

const stamp = () =>
  createHash('sha256')
    .update(SOURCES.map((f) => readFileSync(f, 'utf8')).join('\0'))
    .digest('hex');

/**
 * Jars and launcher under .infra/mongo-wire/, fetched and compiled when missing or stale.
 * @param {(message: string) => void} [log]
 */
export function installMongoWire(log = () => {}) {
  const stampFile = path.join(HOME, 'stamp');
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp()) return HOME;
  ensureJdk(log);
  log('fetching mongo-java-server from Maven Central and compiling its launcher (one time, a few seconds)...');
  rmSync(HOME, { recursive: true, force: true });
  mkdirSync(HOME, { recursive: true });
  /** @type {[string, string[]][]} */
  const steps = [
    [
      'mvn',
      [
        '-B',
        '-q',
        '-Dstyle.color=never',
        '-f',
        SOURCES[0],
        'dependency:copy-dependencies',
        `-DoutputDirectory=${path.join(HOME, 'lib')}`,
      ],
    ],
    ['javac', ['-d', path.join(HOME, 'classes'), '-cp', path.join(HOME, 'lib', '*'), SOURCES[1]]],
  ];
  for (const [cmd, args] of steps) {
    // Quiet on success (mvn writes terminal escapes even with -q); all of it on failure.
    const r = spawnSync(cmd, args, { encoding: 'utf8' });
    if (r.status !== 0)
      throw new Error(
        `\`${cmd} ${args.join(' ')}\` exited with ${r.status}:\n${r.stdout}${r.stderr}\n` +
          'Check access to Maven Central (~/.m2/settings.xml for a proxy or mirror).',
      );
  }
  writeFileSync(stampFile, stamp());
  return HOME;
}

/** Whether something accepts connections on the loopback port. */
export const portOpen = (port) =>
  new Promise((resolve) => {
    const s = net.connect({ host: '127.0.0.1', port }, () => {
      s.destroy();
      resolve(true);
    });
    s.on('error', () => resolve(false));
  });

/**
 * A free loopback port, asked of the OS and released for the server to take.
 * @returns {Promise<number>}
 */
export const freePort = () =>
  new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {net.AddressInfo} */ (srv.address());
      srv.close(() => resolve(port));
    });
  });

/**
 * Starts a detached server on loopback: in memory, or on the H2 file `file`. Resolves once it
 * accepts connections, with its URI and pid; rejects with its last log lines if it dies first.
 * @param {{ port?: number, file?: string, logFile: string, log?: (message: string) => void, timeoutMs?: number }} options
 * @returns {Promise<{ uri: string, port: number, pid: number }>}
 */
export async function startMongoWire({ port, file, logFile, log = () => {}, timeoutMs = 60_000 }) {
  installMongoWire(log);
  port ??= await freePort();
  mkdirSync(path.dirname(logFile), { recursive: true });
  if (file) mkdirSync(path.dirname(file), { recursive: true });
  const out = openSync(logFile, 'a');
  const args = [
    `-Xmx${file ? HEAP.h2 : HEAP.memory}`,
    '-XX:+ExitOnOutOfMemoryError',
    '-Dorg.slf4j.simpleLogger.defaultLogLevel=warn',
    // A client that goes away mid-connection is routine (every test closes its pool); errors a
    // command meets go back to the client that sent it.
    '-Dorg.slf4j.simpleLogger.log.de.bwaldvogel.mongo.wire=off',
    '-cp',
    [path.join(HOME, 'lib', '*'), path.join(HOME, 'classes')].join(path.delimiter),
    'MongoWireServer',
    '--port',
    String(port),
    ...(file ? ['--file', file] : []),
  ];
  const child = spawn('java', args, { detached: true, stdio: ['ignore', out, out] });
  child.unref();
  let exited = null;
  child.once('exit', (code, signal) => (exited = signal ?? `code ${code}`));
  const deadline = Date.now() + timeoutMs;
  while (!(await portOpen(port))) {
    const tail = () => readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-5).join('\n');
    if (exited) throw new Error(`mongo-java-server exited (${exited}) while starting:\n${tail()}`);
    if (Date.now() > deadline)
      throw new Error(`mongo-java-server did not open port ${port} in ${timeoutMs / 1000}s; see ${logFile}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { uri: `mongodb://127.0.0.1:${port}`, port, pid: /** @type {number} */ (child.pid) };
}

export function stopMongoWire(server) {
  try {
    if (server?.pid) process.kill(server.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
}
