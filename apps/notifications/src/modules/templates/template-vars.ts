import { NotificationKind } from '@telehealth/contracts';

/** The appointment part every appointment message shares. */
interface AppointmentVars {
  firstName: string;
  doctorName: string;
  /** Start, formatted in the recipient's time zone and language. */
  when: string;
  /** Human-readable appointment number, e.g. APT20250928001. */
  number: string;
}

/** The consultation part every message to the patient about an online consultation shares. */
interface ConsultationVars {
  firstName: string;
  doctorName: string;
  /** Scheduled start, in the recipient's time zone and language. */
  when: string;
  /** Human-readable consultation number, e.g. VC-20261202-4F7K2Q. */
  number: string;
  /** "video" or "audio". */
  callType: string;
  /** `<APP_URL>/consultations/<consultationId>`: where the patient joins. */
  joinLink: string;
}

/** A prescription message: who wrote it and where to read it; never what it prescribes. */
interface PrescriptionVars {
  firstName: string;
  doctorName: string;
  /** e.g. RX-20261202-4F7K2Q. */
  number: string;
  /** `<APP_URL>/prescriptions/<prescriptionId>`. */
  link: string;
}

/** The same for the doctor: who the patient is instead of who the doctor is. */
interface DoctorConsultationVars {
  firstName: string;
  patientName: string;
  when: string;
  number: string;
}

/**
 * The typed variables of every kind of message: each is a string, already formatted for the
 * recipient (dates in their time zone, money with its currency). A template may use any of its
 * kind's variables as `{{name}}`; rendering fails when one is missing.
 */
export interface TemplateVars {
  [NotificationKind.WELCOME]: { firstName: string };
  [NotificationKind.EMAIL_VERIFICATION]: { firstName: string; code: string; validFor: string };
  [NotificationKind.PASSWORD_RESET]: { firstName: string; resetLink: string; validFor: string };
  [NotificationKind.PASSWORD_CHANGED]: { firstName: string };
  [NotificationKind.APPOINTMENT_HELD]: AppointmentVars & { fee: string; payBy: string };
  [NotificationKind.APPOINTMENT_CONFIRMED]: AppointmentVars & { mode: string };
  [NotificationKind.APPOINTMENT_DECLINED]: AppointmentVars & { outcome: string };
  [NotificationKind.APPOINTMENT_CANCELLED]: AppointmentVars & { cancelledBy: string; reason: string };
  [NotificationKind.APPOINTMENT_RESCHEDULED]: AppointmentVars & { previousWhen: string };
  [NotificationKind.APPOINTMENT_HOLD_EXPIRED]: AppointmentVars;
  [NotificationKind.APPOINTMENT_REMINDER]: AppointmentVars & { startsIn: string; mode: string };
  [NotificationKind.PAYMENT_RECEIPT]: { firstName: string; amount: string; method: string; reference: string };
  [NotificationKind.PAYMENT_FAILED]: { firstName: string; amount: string; reason: string };
  [NotificationKind.REFUND_ISSUED]: {
    firstName: string;
    amount: string;
    paid: string;
    percent: string;
    reference: string;
  };
  [NotificationKind.WALLET_TOPPED_UP]: { firstName: string; amount: string; balance: string; reference: string };
  [NotificationKind.TOP_UP_FAILED]: { firstName: string; amount: string; reason: string };
  [NotificationKind.DOCTOR_BOOKING_CONFIRMED]: {
    firstName: string;
    patientName: string;
    when: string;
    number: string;
    mode: string;
  };
  [NotificationKind.DOCTOR_BOOKING_CANCELLED]: {
    firstName: string;
    patientName: string;
    when: string;
    number: string;
    reason: string;
  };
  [NotificationKind.REVIEW_RECEIVED]: { firstName: string; rating: string };
  [NotificationKind.CONSULTATION_SCHEDULED]: ConsultationVars;
  [NotificationKind.CONSULTATION_REMINDER]: ConsultationVars & { startsIn: string };
  [NotificationKind.CONSULTATION_DOCTOR_WAITING]: ConsultationVars;
  [NotificationKind.CONSULTATION_ADMITTED]: ConsultationVars;
  [NotificationKind.CONSULTATION_ENDED]: Omit<ConsultationVars, 'joinLink'> & { duration: string };
  /** `absence`: who did not join, worded for the patient ("the doctor did not join"). */
  [NotificationKind.CONSULTATION_MISSED]: Omit<ConsultationVars, 'joinLink'> & { absence: string };
  [NotificationKind.DOCTOR_PATIENT_WAITING]: DoctorConsultationVars & { callType: string; joinLink: string };
  /** `absence`: worded for the doctor ("the patient did not join"). */
  [NotificationKind.DOCTOR_CONSULTATION_MISSED]: DoctorConsultationVars & { absence: string };
  /** `senderName`: who wrote ("Dr Tunde Adeyemi", "Ngozi O.", "your care provider"); `messagesLink`: the thread in the app. */
  [NotificationKind.THREAD_MESSAGE]: { firstName: string; senderName: string; messagesLink: string };
  [NotificationKind.PRESCRIPTION_ISSUED]: PrescriptionVars;
  [NotificationKind.PRESCRIPTION_CANCELLED]: PrescriptionVars;
}

export type VarsOf<K extends NotificationKind> = TemplateVars[K];

const appointment: AppointmentVars = {
  firstName: 'Ngozi',
  doctorName: 'Dr Tunde Adeyemi',
  when: 'Mon, 24 Nov 2026, 10:00 WAT',
  number: 'APT20261124000123',
};

const consultation: ConsultationVars = {
  ...appointment,
  number: 'VC-20261124-4F7K2Q',
  callType: 'video',
  joinLink: 'https://app.example/consultations/3f1c9a2e-0000-4000-8000-000000000001',
};

const prescription: PrescriptionVars = {
  firstName: 'Ngozi',
  doctorName: 'Dr Tunde Adeyemi',
  number: 'RX-20261124-7H2KQ9',
  link: 'https://app.example/prescriptions/3f1c9a2e-0000-4000-8000-000000000002',
};

const doctorConsultation: DoctorConsultationVars = {
  firstName: 'Tunde',
  patientName: 'Ngozi O.',
  when: consultation.when,
  number: consultation.number,
};

/**
 * One complete set of variables per kind. The list of a kind's variables is read from here
 * (so it cannot drift from the interface: the type demands every one) and the template test
 * renders every template with them.
 */
export const SAMPLE_VARS: { [K in NotificationKind]: TemplateVars[K] } = {
  [NotificationKind.WELCOME]: { firstName: 'Ngozi' },
  [NotificationKind.EMAIL_VERIFICATION]: { firstName: 'Ngozi', code: '482913', validFor: '60 minutes' },
  [NotificationKind.PASSWORD_RESET]: {
    firstName: 'Ngozi',
    resetLink: 'https://app.example/reset-password?token=abc',
    validFor: '30 minutes',
  },
  [NotificationKind.PASSWORD_CHANGED]: { firstName: 'Ngozi' },
  [NotificationKind.APPOINTMENT_HELD]: { ...appointment, fee: '₦15,000.00', payBy: '09:45 WAT' },
  [NotificationKind.APPOINTMENT_CONFIRMED]: { ...appointment, mode: 'online' },
  [NotificationKind.APPOINTMENT_DECLINED]: { ...appointment, outcome: 'could not accept your booking' },
  [NotificationKind.APPOINTMENT_CANCELLED]: { ...appointment, cancelledBy: 'the doctor', reason: 'Emergency' },
  [NotificationKind.APPOINTMENT_RESCHEDULED]: { ...appointment, previousWhen: 'Sun, 23 Nov 2026, 09:00 WAT' },
  [NotificationKind.APPOINTMENT_HOLD_EXPIRED]: appointment,
  [NotificationKind.APPOINTMENT_REMINDER]: { ...appointment, startsIn: '24 hours', mode: 'in clinic' },
  [NotificationKind.PAYMENT_RECEIPT]: {
    firstName: 'Ngozi',
    amount: '₦15,000.00',
    method: 'wallet',
    reference: 'HOLD_3f1c',
  },
  [NotificationKind.PAYMENT_FAILED]: { firstName: 'Ngozi', amount: '₦15,000.00', reason: 'insufficient funds' },
  [NotificationKind.REFUND_ISSUED]: {
    firstName: 'Ngozi',
    amount: '₦7,500.00',
    paid: '₦15,000.00',
    percent: '50',
    reference: 'REFUND_3f1c',
  },
  [NotificationKind.WALLET_TOPPED_UP]: {
    firstName: 'Ngozi',
    amount: '₦20,000.00',
    balance: '₦35,000.00',
    reference: 'TOPUP_3f1c',
  },
  [NotificationKind.TOP_UP_FAILED]: { firstName: 'Ngozi', amount: '₦20,000.00', reason: 'card declined' },
  [NotificationKind.DOCTOR_BOOKING_CONFIRMED]: {
    firstName: 'Tunde',
    patientName: 'Ngozi O.',
    when: appointment.when,
    number: appointment.number,
    mode: 'online',
  },
  [NotificationKind.DOCTOR_BOOKING_CANCELLED]: {
    firstName: 'Tunde',
    patientName: 'Ngozi O.',
    when: appointment.when,
    number: appointment.number,
    reason: 'Feeling better',
  },
  [NotificationKind.REVIEW_RECEIVED]: { firstName: 'Tunde', rating: '5' },
  [NotificationKind.CONSULTATION_SCHEDULED]: consultation,
  [NotificationKind.CONSULTATION_REMINDER]: { ...consultation, startsIn: '5 minutes' },
  [NotificationKind.CONSULTATION_DOCTOR_WAITING]: consultation,
  [NotificationKind.CONSULTATION_ADMITTED]: consultation,
  [NotificationKind.CONSULTATION_ENDED]: {
    firstName: consultation.firstName,
    doctorName: consultation.doctorName,
    when: consultation.when,
    number: consultation.number,
    callType: consultation.callType,
    duration: '25 minutes',
  },
  [NotificationKind.CONSULTATION_MISSED]: {
    firstName: consultation.firstName,
    doctorName: consultation.doctorName,
    when: consultation.when,
    number: consultation.number,
    callType: consultation.callType,
    absence: 'you did not join',
  },
  [NotificationKind.DOCTOR_PATIENT_WAITING]: {
    ...doctorConsultation,
    callType: consultation.callType,
    joinLink: consultation.joinLink,
  },
  [NotificationKind.DOCTOR_CONSULTATION_MISSED]: { ...doctorConsultation, absence: 'the patient did not join' },
  [NotificationKind.THREAD_MESSAGE]: {
    firstName: 'Ngozi',
    senderName: 'Dr Tunde Adeyemi',
    messagesLink: 'https://app.telehealth.example/messages/5d2e8f14-3b6a-4c7d-9e0f-1a2b3c4d5e6f',
  },
  [NotificationKind.PRESCRIPTION_ISSUED]: prescription,
  [NotificationKind.PRESCRIPTION_CANCELLED]: prescription,
};

/** The variable names a kind's message needs. */
export const variablesOf = (kind: NotificationKind): string[] => Object.keys(SAMPLE_VARS[kind]);
