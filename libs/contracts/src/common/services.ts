/**
 * Every deployable app, in one table: the platform runner (tools/run/platform.mjs), the bench and
 * the e2e support read their ports, databases and demo data from here. The name is also the event
 * `producer` and the NATS queue group.
 */
export const SERVICES = [
  { name: 'gateway', portOffset: 0, database: null, demoData: false },
  { name: 'identity', portOffset: 101, database: 'identity', demoData: true },
  { name: 'scheduling', portOffset: 102, database: 'scheduling', demoData: true },
  { name: 'teleconsultation', portOffset: 103, database: 'teleconsultation', demoData: false },
  { name: 'wallet-claims', portOffset: 104, database: 'wallet_claims', demoData: true },
  { name: 'aftercare', portOffset: 105, database: 'aftercare', demoData: false },
  { name: 'notifications', portOffset: 106, database: 'notifications', demoData: false },
] as const satisfies readonly ServiceSpec[];

export interface ServiceSpec {
  name: string;
  /**
   * Where the app listens, from the platform's port base (the gateway's port): the gateway's API
   * at +0, each service's health and readiness probes (HEALTH_PORT) at its offset.
   */
  portOffset: number;
  /** Its database's name after the platform's prefix (`<prefix>_<database>`); null: it owns none. */
  database: string | null;
  /** Whether it loads demo data (DEMO_DATA=true) when the platform runs with --demo. */
  demoData: boolean;
}

export type ServiceName = (typeof SERVICES)[number]['name'];
export const SERVICE_NAMES: readonly ServiceName[] = SERVICES.map((s) => s.name);

/** Services that own a database and answer on NATS (everything but the gateway). */
export type BackendService = Exclude<ServiceName, 'gateway'>;
export const BACKEND_SERVICES: readonly BackendService[] = SERVICE_NAMES.filter(
  (s): s is BackendService => s !== 'gateway',
);

/** An app's row of the table. */
export function serviceSpec(name: ServiceName): (typeof SERVICES)[number] {
  const spec = SERVICES.find((s) => s.name === name);
  if (!spec) throw new Error(`no service named ${name}`);
  return spec;
}

/** Its database's name on a platform whose databases share `prefix` (e.g. `telehealth_wallet_claims`). */
export function databaseOf(prefix: string, name: BackendService): string {
  return `${prefix}_${serviceSpec(name).database}`;
}
