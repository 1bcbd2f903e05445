// What a bench run has started and found so far: the servers to stop whatever happens, and the
// figures and failures the report is written from. One object, shared by the bench's modules.

/** @typedef {import('./process-control.mjs').Child} Child */

export const state = {
  /** @type {string[]} what failed; any makes the run exit 1 */
  failures: [],
  /** @type {string[]} apps the platform runner restarted during the run */
  restarts: [],
  /** @type {any[]} one per measured HTTP scenario */
  results: [],
  /** @type {any[]} idle resident memory per app after the load */
  memory: [],
  /** @type {any[]} the same before any load */
  memoryAtStart: [],
  /** @type {any} */
  booking: null,
  /** @type {any} */
  wallet: null,
  /** @type {any} */
  notifications: null,
  /** @type {any} */
  video: null,
  /** @type {any} */
  stream: null,
  /** @type {any} */
  files: null,
  /** @type {any} */
  messages: null,
  /** @type {import('../../libs/testing/src/private-infra').PrivateInfra | null} the run's NATS, Redis and database */
  infra: null,
  /** @type {any} the bench's SMTP sink */
  smtp: null,
  /** @type {Child | null} the bare Fastify server */
  ceiling: null,
  /** @type {Child | null} the platform runner (tools/run/platform.mjs) */
  platform: null,
};
