import type { EventContract } from './common/contract';
import { IdentityEvents } from './identity/identity.events';
import { NotificationsEvents } from './notifications/notifications.events';
import { PaymentEvents } from './payments/payment.events';
import { SchedulingEvents } from './scheduling/scheduling.events';
import { ClinicalEvents } from './teleconsultation/clinical.events';
import { TeleconsultationEvents } from './teleconsultation/teleconsultation.events';
import { WalletEvents } from './wallet/wallet.events';

/** Every domain event, for documentation, stream set-up and tests. */
export const ALL_EVENTS: readonly EventContract<unknown>[] = [
  ...Object.values(IdentityEvents),
  ...Object.values(SchedulingEvents),
  ...Object.values(WalletEvents),
  ...Object.values(PaymentEvents),
  ...Object.values(TeleconsultationEvents),
  ...Object.values(ClinicalEvents),
  ...Object.values(NotificationsEvents),
];
