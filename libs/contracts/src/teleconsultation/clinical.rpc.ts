import { defineRpc } from '../common/contract';
import type { Page } from '../common/pagination';
import type { AccessLogEntryView, AccessLogQuery } from './clinical.types';

/** Clinical records: who read a patient's data. */
export const ClinicalRpc = {
  accessLog: defineRpc<AccessLogQuery, Page<AccessLogEntryView>>(
    'teleconsultation',
    'access-log.list',
    1,
    "Reads of the caller's clinical data (and their dependents') by anyone else, newest first.",
  ),
} as const;
