// The local and test object store: SeaweedFS's `weed mini` serving the S3 API on loopback, with a
// static access key checked on every request (signed as in production). One module for `infra:up`
// (starts and stops it), the test runner and the bench (a bucket of their own per run on it).
// The binary is built from SeaweedFS's Go module (the module proxy serves its source; `go install`
// refuses it for its replace directives) and cached per version outside the clone, in
// ${XDG_CACHE_HOME:-~/.cache}/telehealth/weed-<version>/, so every clone, worktree and CI run on
// a machine builds it once (a few minutes on 2 cores).
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const WEED_MODULE = 'github.com/seaweedfs/seaweedfs';
export const WEED_VERSION = process.env.WEED_VERSION ?? 'v0.0.0-20261109003541-7506e5f91cd6';

/**
 * The development credentials: the identity infra configures on the server, and the default of
 * S3_ACCESS_KEY_ID / S3_SECRET_ACCESS_KEY in libs/storage (refused in production).
 */
export const S3_DEV = {
  accessKeyId: 'telehealth-dev',
  secretAccessKey: 'dev-only-s3-secret-key-0123456789abcdef',
  region: 'us-east-1',
};

const cacheRoot = () =>
  path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'telehealth', `weed-${WEED_VERSION}`);

/** Where the built binary lives (WEED_BIN overrides: a weed of yours). */
export const weedBinary = () => process.env.WEED_BIN ?? path.join(cacheRoot(), 'weed');

const which = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

/**
 * The weed binary, built from the Go module when not cached yet (prints progress: it takes minutes).
 * @param {(message: string) => void} log
 * @returns {Promise<string>}
 */
export async function installWeed(log = () => {}) {
  const bin = weedBinary();
  if (existsSync(bin)) return bin;
  if (process.env.WEED_BIN) throw new Error(`WEED_BIN=${bin} does not exist`);
  if (!which('go'))
    throw new Error(
      'Go is needed once to build SeaweedFS (the S3 server) and is not installed. Install Go 1.26+ ' +
        '(https://go.dev/doc/install, or the golang-go package if your distribution has 1.26), then run ' +
        '`npm run infra:up` again. Or point WEED_BIN at a weed binary you have.',
    );
  log(`building SeaweedFS ${WEED_VERSION} from its Go module (one time per machine, several minutes)...`);
  const dl = spawnSync('go', ['mod', 'download', '-json', `${WEED_MODULE}@${WEED_VERSION}`], {
    encoding: 'utf8',
    env: { ...process.env, GOFLAGS: '-mod=mod' },
  });
  let info = null;
  try {
    info = JSON.parse(dl.stdout);
  } catch {
    /* reported below */
  }
  if (dl.status !== 0 || !info?.Dir)
    throw new Error(
      `\`go mod download ${WEED_MODULE}@${WEED_VERSION}\` failed:\n${info?.Error ?? ''}${dl.stderr}\n` +
        'Check access to the Go module proxy (GOPROXY).',
    );
  // The module cache is read-only: build in a writable copy.
  const work = mkdtempSync(path.join(os.tmpdir(), 'telehealth-weed-'));
  const src = path.join(work, 'src');
  cpSync(info.Dir, src, { recursive: true });
  spawnSync('chmod', ['-R', 'u+w', src]);
  mkdirSync(path.dirname(bin), { recursive: true });
  // Each builder writes its own file and renames it into place: two builds at once never mix.
  const partial = `${bin}.${process.pid}.partial`;
  try {
    await goBuild(src, partial, log);
    chmodSync(partial, 0o755);
    renameSync(partial, bin);
  } finally {
    rmSync(partial, { force: true });
    rmSync(work, { recursive: true, force: true });
  }
  log(`SeaweedFS built: ${bin}`);
  return bin;
}

/** `go build ./weed` in `src`, printing how many packages are compiled every 15 s. */
async function goBuild(src, out, log) {
  const env = { ...process.env, GOFLAGS: '-mod=mod -buildvcs=false', CGO_ENABLED: '0' };
  log('resolving dependencies (downloads the modules SeaweedFS needs)...');
  const list = spawnSync('go', ['list', '-deps', './weed'], { cwd: src, env, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (list.status !== 0)
    throw new Error(
      `\`go list -deps ./weed\` failed:\n${list.stderr.slice(-2000)}\nCheck access to the Go module proxy.`,
    );
  const total = list.stdout.trim().split('\n').length;
  const started = Date.now();
  let built = 0;
  let tail = '';
  const child = spawn('go', ['build', '-v', '-trimpath', '-ldflags', '-s -w', '-o', out, './weed'], {
    cwd: src,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr.on('data', (chunk) => {
    const text = chunk.toString();
    built += text.split('\n').filter((l) => l && !l.startsWith(' ') && !l.includes(':')).length;
    tail = (tail + text).slice(-4000);
  });
  const timer = setInterval(
    () =>
      log(
        `  weed: ${Math.min(built, total)}/${total} packages compiled (${Math.round((Date.now() - started) / 1000)}s)`,
      ),
    15_000,
  );
  const code = await new Promise((resolve) => child.on('exit', (c) => resolve(c)));
  clearInterval(timer);
  if (code !== 0)
    throw new Error(
      `\`go build ./weed\` exited with ${code}:\n${tail}\nSeaweedFS ${WEED_VERSION} needs Go 1.26+ (\`go version\`); ` +
        'fix that and run `npm run infra:up` again, or point WEED_BIN at a weed binary you have.',
    );
}

/** The S3 identities file: one static key with every action, so each request is signed and checked. */
export function writeS3Identities(file) {
  mkdirSync(path.dirname(file), { recursive: true });
  const identities = {
    identities: [
      {
        name: 'telehealth',
        credentials: [{ accessKey: S3_DEV.accessKeyId, secretKey: S3_DEV.secretAccessKey }],
        actions: ['Admin', 'Read', 'Write', 'List', 'Tagging'],
      },
    ],
  };
  writeFileSync(file, `${JSON.stringify(identities, null, 2)}\n`, { mode: 0o600 });
}

/**
 * The arguments of `weed mini` serving S3 only on loopback: no WebDAV, admin UI, Iceberg or Lance
 * endpoints, no telemetry, small volumes (the smallest weed allows) and few of them.
 * @param {{ dataDir: string, s3Port: number, configFile: string, portBase: number }} options
 */
export function weedArgs({ dataDir, s3Port, configFile, portBase }) {
  return [
    'mini',
    `-dir=${dataDir}`,
    '-ip=127.0.0.1',
    '-ip.bind=127.0.0.1',
    '-webdav=false',
    '-admin.ui=false',
    '-s3.port.iceberg=0',
    '-s3.port.lance=0',
    `-s3.port=${s3Port}`,
    `-s3.config=${configFile}`,
    // Tests delete their run's bucket with what is in it.
    '-s3.allowDeleteBucketNotEmpty=true',
    `-master.port=${portBase}`,
    `-volume.port=${portBase + 1}`,
    `-filer.port=${portBase + 2}`,
    '-master.telemetry=false',
    '-master.volumeSizeLimitMB=64',
    '-volume.max=20',
    '-volume.fileSizeLimitMB=64',
  ];
}

/** Whether an S3 server answers at `endpoint` (any HTTP answer: an unsigned request is refused with 403). */
export async function s3Answers(endpoint) {
  try {
    const res = await fetch(endpoint, { signal: AbortSignal.timeout(1000) });
    const server = res.headers.get('server') ?? '';
    await res.arrayBuffer();
    return res.status > 0 && (server.includes('SeaweedFS') || res.status === 403 || res.status === 200);
  } catch {
    return false;
  }
}
