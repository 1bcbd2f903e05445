/** NATS message headers (and their HTTP twins where one exists). */
export const Headers = {
  /** Per-request id; the gateway returns it as the `x-request-id` response header. */
  REQUEST_ID: 'x-request-id',
  /** JSON-encoded {@link Caller}; absent for anonymous calls. */
  CALLER: 'x-caller',
  /** Test-only fault injection (honoured only when FAULT_INJECTION_ENABLED=true). */
  FAULT: 'x-fault-inject',
  /** HTTP only: an admin's stated reason for reading a patient's clinical data ("break glass"). */
  ACCESS_REASON: 'x-access-reason',
  /** JetStream de-duplication header: set to the event id. */
  NATS_MSG_ID: 'Nats-Msg-Id',
} as const;
