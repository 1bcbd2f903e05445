import { NotificationKind as K } from '@telehealth/contracts';
import type { CompleteLocaleTemplates } from './locale';

/** English: the fallback for every other language, so it has every kind. */
export const en: CompleteLocaleTemplates = {
  locale: 'en',
  terms: {
    mode: { ONLINE: 'online (video or voice call)', IN_CLINIC: 'in clinic' },
    cancelledBy: { PATIENT: 'you', DOCTOR: 'the doctor', CLINIC: 'the clinic', SYSTEM: 'the system' },
    declined: {
      DOCTOR: 'could not accept your booking',
      CLINIC: 'could not accept your booking',
      SYSTEM: 'did not answer your booking request in time',
    },
    paymentFailure: {
      INSUFFICIENT_FUNDS: 'insufficient funds in your wallet',
      DECLINED: 'the payment was declined',
      EXPIRED: 'the booking had already expired',
      ERROR: 'a processing error',
    },
    paymentMethod: { WALLET: 'wallet', CARD: 'card', INSURANCE: 'insurance cover', CASH: 'cash' },
    callType: { VIDEO: 'video', AUDIO: 'audio' },
    absentToPatient: {
      PATIENT: 'you did not join',
      DOCTOR: 'the doctor did not join',
      BOTH: 'neither you nor the doctor joined',
    },
    absentToDoctor: {
      PATIENT: 'the patient did not join',
      DOCTOR: 'you did not join',
      BOTH: 'neither you nor the patient joined',
    },
    yourDoctor: 'your doctor',
    aPatient: 'a patient',
    yourCareProvider: 'your care provider',
    noReasonGiven: 'no reason given',
    footer: 'You receive this message because you have a Telehealth account. Manage notifications in the app.',
  },
  kinds: {
    [K.WELCOME]: {
      email: {
        subject: 'Welcome to Telehealth, {{firstName}}',
        text: 'Hello {{firstName}},\n\nWelcome to Telehealth. You can now find doctors, book appointments and consult online.\n\nWe have sent you a separate email with a code to verify your address.',
      },
      inApp: { title: 'Welcome, {{firstName}}', body: 'Your account is ready. Verify your email to get started.' },
    },
    [K.EMAIL_VERIFICATION]: {
      email: {
        subject: 'Your verification code: {{code}}',
        text: 'Hello {{firstName}},\n\nYour email verification code is:\n\n{{code}}\n\nIt is valid for {{validFor}}. If you did not create an account, ignore this email.',
      },
    },
    [K.PASSWORD_RESET]: {
      email: {
        subject: 'Reset your Telehealth password',
        text: 'Hello {{firstName}},\n\nSomeone (hopefully you) asked to reset your password. Open this link to choose a new one:\n\n{{resetLink}}\n\nThe link is valid for {{validFor}}. If you did not ask for it, ignore this email: your password stays as it is.',
      },
    },
    [K.PASSWORD_CHANGED]: {
      email: {
        subject: 'Your password was changed',
        text: 'Hello {{firstName}},\n\nYour Telehealth password was just changed and every session was signed out. If this was not you, reset your password now and contact support.',
      },
      inApp: { title: 'Password changed', body: 'Your password was changed and all sessions were signed out.' },
    },
    [K.APPOINTMENT_HELD]: {
      email: {
        subject: 'Complete your booking {{number}}',
        text: 'Hello {{firstName}},\n\nWe are holding your appointment with {{doctorName}} on {{when}} (booking {{number}}).\n\nPay the fee of {{fee}} by {{payBy}} to confirm it; after that the slot is released.',
      },
      push: { title: 'Complete your booking', body: 'Pay {{fee}} by {{payBy}} to keep your slot with {{doctorName}}.' },
      inApp: {
        title: 'Booking held: pay by {{payBy}}',
        body: '{{doctorName}}, {{when}}. Pay {{fee}} to confirm booking {{number}}.',
      },
    },
    [K.APPOINTMENT_CONFIRMED]: {
      email: {
        subject: 'Appointment confirmed: {{when}}',
        text: 'Hello {{firstName}},\n\nYour appointment with {{doctorName}} is confirmed.\n\nWhen: {{when}}\nHow: {{mode}}\nBooking: {{number}}\n\nWe will remind you before it starts.',
      },
      sms: { text: 'Telehealth: your appointment with {{doctorName}} on {{when}} is confirmed (ref {{number}}).' },
      push: { title: 'Appointment confirmed', body: '{{doctorName}}, {{when}}.' },
      inApp: { title: 'Appointment confirmed', body: '{{doctorName}}, {{when}} ({{mode}}). Booking {{number}}.' },
    },
    [K.APPOINTMENT_DECLINED]: {
      email: {
        subject: 'Booking request declined',
        text: 'Hello {{firstName}},\n\n{{doctorName}} {{outcome}} ({{number}}, {{when}}). Nothing was charged; any amount held has been released. Please choose another time.',
      },
      push: { title: 'Booking declined', body: '{{doctorName}} {{outcome}} ({{when}}). Choose another time.' },
      inApp: { title: 'Booking declined', body: '{{doctorName}} {{outcome}} ({{number}}, {{when}}).' },
    },
    [K.APPOINTMENT_CANCELLED]: {
      email: {
        subject: 'Appointment cancelled: {{when}}',
        text: 'Hello {{firstName}},\n\nYour appointment with {{doctorName}} on {{when}} (booking {{number}}) was cancelled by {{cancelledBy}}.\nReason: {{reason}}\n\nAny refund due is credited to your wallet.',
      },
      sms: { text: 'Telehealth: your appointment with {{doctorName}} on {{when}} was cancelled (ref {{number}}).' },
      push: { title: 'Appointment cancelled', body: '{{doctorName}}, {{when}} was cancelled.' },
      inApp: {
        title: 'Appointment cancelled',
        body: '{{doctorName}}, {{when}}. Cancelled by {{cancelledBy}}: {{reason}}.',
      },
    },
    [K.APPOINTMENT_RESCHEDULED]: {
      email: {
        subject: 'Appointment moved to {{when}}',
        text: 'Hello {{firstName}},\n\nYour appointment with {{doctorName}} (booking {{number}}) has moved.\n\nNew time: {{when}}\nWas: {{previousWhen}}',
      },
      sms: { text: 'Telehealth: your appointment with {{doctorName}} moved to {{when}} (ref {{number}}).' },
      push: { title: 'Appointment moved', body: '{{doctorName}}: now {{when}}.' },
      inApp: { title: 'Appointment moved', body: '{{doctorName}}: now {{when}} (was {{previousWhen}}).' },
    },
    [K.APPOINTMENT_HOLD_EXPIRED]: {
      email: {
        subject: 'Your booking {{number}} has expired',
        text: 'Hello {{firstName}},\n\nThe payment for your appointment with {{doctorName}} on {{when}} did not arrive in time, so the slot was released. You can book again at any time.',
      },
      inApp: {
        title: 'Booking expired',
        body: 'Booking {{number}} with {{doctorName}} ({{when}}) was not paid in time.',
      },
    },
    [K.APPOINTMENT_REMINDER]: {
      email: {
        subject: 'Reminder: {{doctorName}} in {{startsIn}}',
        text: 'Hello {{firstName}},\n\nA reminder that your appointment with {{doctorName}} starts in {{startsIn}}.\n\nWhen: {{when}}\nHow: {{mode}}\nBooking: {{number}}',
      },
      sms: { text: 'Telehealth reminder: {{doctorName}} at {{when}}, in {{startsIn}} (ref {{number}}).' },
      push: { title: 'Appointment in {{startsIn}}', body: '{{doctorName}} at {{when}}.' },
      inApp: { title: 'Appointment in {{startsIn}}', body: '{{doctorName}}, {{when}} ({{mode}}).' },
    },
    [K.PAYMENT_RECEIPT]: {
      email: {
        subject: 'Payment receipt {{reference}}',
        text: 'Hello {{firstName}},\n\nWe received your payment.\n\nAmount: {{amount}}\nPaid by: {{method}}\nReference: {{reference}}\n\nKeep this email as your receipt.',
      },
      inApp: { title: 'Payment received', body: '{{amount}} by {{method}} (ref {{reference}}).' },
    },
    [K.PAYMENT_FAILED]: {
      email: {
        subject: 'Payment of {{amount}} failed',
        text: 'Hello {{firstName}},\n\nYour payment of {{amount}} did not go through: {{reason}}. Your booking was not confirmed; top up your wallet or choose another way to pay, then book again.',
      },
      push: { title: 'Payment failed', body: '{{amount}}: {{reason}}.' },
      inApp: { title: 'Payment failed', body: 'Your payment of {{amount}} failed: {{reason}}.' },
    },
    [K.REFUND_ISSUED]: {
      email: {
        subject: 'Refund of {{amount}}',
        text: 'Hello {{firstName}},\n\nWe refunded {{amount}} ({{percent}}% of the {{paid}} you paid) to your wallet.\n\nReference: {{reference}}',
      },
      inApp: { title: 'Refund issued', body: '{{amount}} refunded to your wallet (ref {{reference}}).' },
    },
    [K.WALLET_TOPPED_UP]: {
      email: {
        subject: 'Wallet credited with {{amount}}',
        text: 'Hello {{firstName}},\n\n{{amount}} was added to your wallet. Your balance is now {{balance}}.\n\nReference: {{reference}}',
      },
      inApp: { title: 'Wallet credited', body: '{{amount}} added. Balance {{balance}}.' },
    },
    [K.TOP_UP_FAILED]: {
      email: {
        subject: 'Top-up of {{amount}} failed',
        text: 'Hello {{firstName}},\n\nYour wallet top-up of {{amount}} failed: {{reason}}. Nothing was charged to your wallet.',
      },
      inApp: { title: 'Top-up failed', body: '{{amount}}: {{reason}}.' },
    },
    [K.DOCTOR_BOOKING_CONFIRMED]: {
      email: {
        subject: 'New appointment: {{when}}',
        text: 'Hello {{firstName}},\n\n{{patientName}} has a confirmed appointment with you.\n\nWhen: {{when}}\nHow: {{mode}}\nBooking: {{number}}',
      },
      inApp: { title: 'New appointment', body: '{{patientName}}, {{when}} ({{mode}}).' },
    },
    [K.DOCTOR_BOOKING_CANCELLED]: {
      email: {
        subject: 'Appointment cancelled: {{when}}',
        text: 'Hello {{firstName}},\n\nThe appointment with {{patientName}} on {{when}} (booking {{number}}) was cancelled.\nReason: {{reason}}\n\nThe slot is free again.',
      },
      inApp: { title: 'Appointment cancelled', body: '{{patientName}}, {{when}}: {{reason}}.' },
    },
    [K.REVIEW_RECEIVED]: {
      email: {
        subject: 'You received a {{rating}}-star review',
        text: 'Hello {{firstName}},\n\nA patient reviewed a recent appointment with you and gave it {{rating}} out of 5. Open the app to read it.',
      },
      inApp: { title: 'New review', body: 'A patient gave you {{rating}} out of 5.' },
    },
    [K.CONSULTATION_SCHEDULED]: {
      email: {
        subject: 'Your {{callType}} consultation on {{when}}',
        text: 'Hello {{firstName}},\n\nYour {{callType}} consultation with {{doctorName}} is on {{when}} (consultation {{number}}).\n\nJoin it at that time from this link:\n\n{{joinLink}}\n\nWe will remind you shortly before it starts.',
      },
      push: { title: 'Consultation on {{when}}', body: 'Your {{callType}} consultation with {{doctorName}}.' },
      inApp: {
        title: 'Consultation scheduled',
        body: '{{callType}} consultation with {{doctorName}}, {{when}} ({{number}}). Join: {{joinLink}}',
      },
    },
    [K.CONSULTATION_REMINDER]: {
      email: {
        subject: 'Your consultation starts in {{startsIn}}',
        text: 'Hello {{firstName}},\n\nYour {{callType}} consultation with {{doctorName}} starts in {{startsIn}} ({{when}}).\n\nJoin it here:\n\n{{joinLink}}\n\nConsultation: {{number}}',
      },
      sms: {
        text: 'Telehealth: your {{callType}} consultation with {{doctorName}} starts in {{startsIn}}. Join: {{joinLink}}',
      },
      push: { title: 'Consultation in {{startsIn}}', body: '{{doctorName}} at {{when}}. Tap to join.' },
      inApp: { title: 'Consultation in {{startsIn}}', body: '{{doctorName}}, {{when}}. Join: {{joinLink}}' },
    },
    [K.CONSULTATION_DOCTOR_WAITING]: {
      sms: { text: 'Telehealth: {{doctorName}} is in the consultation room. Join: {{joinLink}}' },
      push: { title: '{{doctorName}} is in the room', body: 'Your {{callType}} consultation is ready. Tap to join.' },
      inApp: {
        title: 'The doctor is in the room',
        body: '{{doctorName}} is waiting for your {{callType}} consultation. Join: {{joinLink}}',
      },
    },
    [K.CONSULTATION_ADMITTED]: {
      push: { title: 'You are admitted', body: '{{doctorName}} admitted you to your {{callType}} consultation.' },
      inApp: {
        title: 'You are admitted',
        body: '{{doctorName}} admitted you to your {{callType}} consultation. Join: {{joinLink}}',
      },
    },
    [K.CONSULTATION_ENDED]: {
      email: {
        subject: 'Your consultation with {{doctorName}} ended',
        text: 'Hello {{firstName}},\n\nYour {{callType}} consultation with {{doctorName}} (consultation {{number}}, {{when}}) has ended. It lasted {{duration}}.\n\nThank you for using Telehealth.',
      },
      inApp: { title: 'Consultation ended', body: '{{doctorName}}: {{duration}} ({{number}}).' },
    },
    [K.CONSULTATION_MISSED]: {
      email: {
        subject: 'Missed consultation: {{when}}',
        text: 'Hello {{firstName}},\n\nYour {{callType}} consultation with {{doctorName}} on {{when}} (consultation {{number}}) did not take place: {{absence}}.\n\nYou can book another time in the app.',
      },
      push: { title: 'Missed consultation', body: '{{doctorName}}, {{when}}: {{absence}}.' },
      inApp: { title: 'Missed consultation', body: '{{doctorName}}, {{when}} ({{number}}): {{absence}}.' },
    },
    [K.DOCTOR_PATIENT_WAITING]: {
      email: {
        subject: '{{patientName}} is waiting in the lobby',
        text: 'Hello {{firstName}},\n\n{{patientName}} is waiting in the lobby for the {{callType}} consultation {{number}} ({{when}}). Admit them from the consultation room:\n\n{{joinLink}}',
      },
      push: { title: 'Your patient is waiting', body: '{{patientName}} is in the lobby ({{when}}).' },
      inApp: { title: 'Your patient is waiting', body: '{{patientName}} is in the lobby for {{number}} ({{when}}).' },
    },
    [K.DOCTOR_CONSULTATION_MISSED]: {
      email: {
        subject: 'Missed consultation: {{when}}',
        text: 'Hello {{firstName}},\n\nThe consultation {{number}} with {{patientName}} on {{when}} did not take place: {{absence}}.',
      },
      inApp: { title: 'Missed consultation', body: '{{patientName}}, {{when}} ({{number}}): {{absence}}.' },
    },
    // Never the message itself: it is read in the app, behind sign-in.
    [K.THREAD_MESSAGE]: {
      email: {
        subject: 'New message from {{senderName}}',
        text: 'Hello {{firstName}},\n\n{{senderName}} sent you a secure message. Read it and reply in the app:\n\n{{messagesLink}}',
      },
      push: { title: 'New message', body: '{{senderName}} sent you a message.' },
      inApp: { title: 'New message', body: '{{senderName}} sent you a message.' },
    },
    [K.PRESCRIPTION_ISSUED]: {
      email: {
        subject: 'Your prescription from {{doctorName}}',
        text: 'Hello {{firstName}},\n\n{{doctorName}} issued your prescription {{number}}. Read it, print it or show it to your pharmacist here:\n\n{{link}}',
      },
      push: { title: 'New prescription', body: '{{doctorName}} issued prescription {{number}}.' },
      inApp: { title: 'New prescription', body: '{{doctorName}} issued prescription {{number}}: {{link}}' },
    },
    [K.PRESCRIPTION_CANCELLED]: {
      email: {
        subject: 'Prescription {{number}} was cancelled',
        text: 'Hello {{firstName}},\n\n{{doctorName}} cancelled your prescription {{number}}: a pharmacy will no longer accept it. The reason is on the prescription:\n\n{{link}}',
      },
      push: { title: 'Prescription cancelled', body: '{{doctorName}} cancelled prescription {{number}}.' },
      inApp: { title: 'Prescription cancelled', body: '{{doctorName}} cancelled prescription {{number}}: {{link}}' },
    },
  },
};
