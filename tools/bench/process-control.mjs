// Process control for the bench: child process groups (started, watched line by line, stopped
// whatever happens) and what /proc and ps say about a process (CPU seconds, resident memory).
import { spawn, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { sleep } from './lib.mjs';

/** @typedef {import('node:child_process').ChildProcessByStdio<null, import('node:stream').Readable, import('node:stream').Readable>} Child */

/**
 * Starts `node <args>` as the leader of its own process group, so the whole tree can be stopped at once.
 * @param {string[]} args @param {{ cwd: string, env: NodeJS.ProcessEnv }} options
 * @returns {Child}
 */
export function spawnGroup(args, { cwd, env }) {
  return spawn(process.execPath, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * Calls onLine for every complete line a child writes to stdout and stderr.
 * @param {Child} child @param {(line: string, stream: 'stdout' | 'stderr') => unknown} onLine
 */
export function onLines(child, onLine) {
  for (const [stream, name] of /** @type {const} */ ([
    [child.stdout, 'stdout'],
    [child.stderr, 'stderr'],
  ])) {
    let buffered = '';
    stream.on('data', (chunk) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) onLine(line, name);
    });
  }
}

/**
 * Resolves with the first line for which `match` returns a truthy value; rejects on `fail`, exit or timeout.
 * @template T
 * @param {Child} child
 * @param {{ match: (line: string) => T, fail?: (line: string) => boolean, timeoutMs: number, what: string }} options
 * @returns {Promise<T>}
 */
export function waitForLine(child, { match, fail, timeoutMs, what }) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`${what}: not ready after ${timeoutMs / 1000}s`)), timeoutMs);
    const done = (err, value) => {
      clearTimeout(timer);
      child.off('exit', onExit);
      if (err) reject(err);
      else resolve(value);
    };
    const onExit = (code, signal) =>
      done(new Error(`${what}: exited (${signal ?? `code ${code}`}) before it was ready`));
    child.on('exit', onExit);
    onLines(child, (line) => {
      if (fail && fail(line)) return done(new Error(`${what}: ${line.trim()}`));
      const value = match(line);
      if (value) done(null, value);
    });
  });
}

function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (err) {
    return /** @type {NodeJS.ErrnoException} */ (err).code === 'EPERM';
  }
}

/** SIGTERM to the process group; SIGKILL whatever is left after `graceMs`. Resolves when the group is gone. */
export async function stopGroup(child, graceMs = 10_000) {
  const pgid = child?.pid;
  if (!pgid || !groupAlive(pgid)) return 'already stopped';
  process.kill(-pgid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (groupAlive(pgid) && Date.now() < deadline) await sleep(100);
  if (!groupAlive(pgid)) return 'stopped';
  process.kill(-pgid, 'SIGKILL');
  while (groupAlive(pgid)) await sleep(100);
  return 'killed (did not stop on SIGTERM)';
}

/** True when nothing listens on 127.0.0.1:port. */
export function portFree(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(true));
  });
}

/** The platform runner's children: [{ name, pid, rssKb }] from `ps`, named by dist/apps/<name>/src/main.js. */
export function appProcesses(runnerPid) {
  let out = '';
  try {
    out = execFileSync('ps', ['-o', 'pid=,rss=,args=', '--ppid', String(runnerPid)], { encoding: 'utf8' });
  } catch (err) {
    if (/** @type {{ status?: number }} */ (err).status !== 1) throw err; // ps exits 1 when no process matched
  }
  return out
    .split('\n')
    .map((line) => line.trim().match(/^(\d+)\s+(\d+)\s+(.*)$/))
    .filter((m) => m !== null)
    .map(([, pid, rss, args]) => ({
      pid: Number(pid),
      rssKb: Number(rss),
      name: args.match(/dist\/apps\/([^/]+)\/src\/main\.js/)?.[1],
    }))
    .filter((p) => p.name);
}

let clockTicks;
/** CPU seconds (user + system) a process has used so far, from /proc; null when it is gone. */
export function cpuSeconds(pid) {
  clockTicks ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields from #3 (state) on
    return (Number(fields[11]) + Number(fields[12])) / clockTicks; // #14 utime, #15 stime
  } catch {
    return null;
  }
}

/** Busy CPU seconds of the whole machine so far (all cores; idle and iowait excluded), from /proc/stat. */
export function machineBusySeconds() {
  cpuSeconds(process.pid); // sets clockTicks
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  const [user, nice, system, _idle, _iowait, irq, softirq, steal] = ticks;
  return (user + nice + system + irq + softirq + steal) / clockTicks;
}
