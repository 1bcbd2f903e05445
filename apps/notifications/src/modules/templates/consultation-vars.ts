import type { CallType } from '@telehealth/contracts';
import type { Recipient } from '../recipients/recipients';
import { formatWhen } from './format';
import { termsFor } from './render';

/** What a message to the patient about an online consultation says about it. */
export interface ConsultationFacts {
  number: string;
  callType: CallType;
  scheduledStart: string;
  /** "Dr Tunde Adeyemi", or null when unknown ("your doctor"). */
  doctorName: string | null;
  joinLink: string;
}

/** The variables every patient consultation message shares, for one recipient. */
export function consultationVars(c: ConsultationFacts, r: Recipient) {
  const terms = termsFor(r.locale);
  return {
    firstName: r.firstName,
    doctorName: c.doctorName ?? terms.yourDoctor,
    when: formatWhen(c.scheduledStart, r.timeZone, r.locale),
    number: c.number,
    callType: terms.callType[c.callType] ?? c.callType,
    joinLink: c.joinLink,
  };
}
