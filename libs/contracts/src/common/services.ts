/** Every deployable app. The name is also the event `producer` and the NATS queue group. */
export const SERVICE_NAMES = [
  'gateway',
  'identity',
  'scheduling',
  'teleconsultation',
  'wallet-claims',
  'aftercare',
  'notifications',
] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** Services that own a database and answer on NATS (everything but the gateway). */
export const BACKEND_SERVICES = SERVICE_NAMES.filter((s): s is Exclude<ServiceName, 'gateway'> => s !== 'gateway');
export type BackendService = (typeof BACKEND_SERVICES)[number];
