import {
  AbsentParty,
  CallType,
  NOTIFICATION_CHANNELS,
  NotificationChannel,
  NotificationKind,
} from '@telehealth/contracts';
import { KIND_SPECS } from './kinds';
import { FALLBACK, LOCALES, resolveLocale } from './locales';
import { TemplateError, fill, placeholdersOf, render, templateFor, termsFor } from './render';
import { SAMPLE_VARS, variablesOf } from './template-vars';

const KINDS = Object.values(NotificationKind);
const cases = KINDS.flatMap((kind) => KIND_SPECS[kind].channels.map((channel) => [kind, channel] as const));
const textsOf = (t: object): string[] => Object.values(t).filter((v): v is string => typeof v === 'string');

describe('templates', () => {
  it('cover every kind and channel it is sent on, in the fallback language, and no other channel', () => {
    for (const kind of KINDS) {
      const present = NOTIFICATION_CHANNELS.filter((c) => templateFor(kind, c, 'en') !== undefined);
      expect({ kind, channels: present.sort() }).toEqual({ kind, channels: [...KIND_SPECS[kind].channels].sort() });
    }
  });

  it.each(Object.keys(LOCALES))('locale %s uses only the variables its kind declares', (tag) => {
    for (const [kind, templates] of Object.entries(LOCALES[tag].kinds)) {
      const declared = new Set(variablesOf(kind as NotificationKind));
      for (const template of Object.values(templates ?? {})) {
        const unknown = textsOf(template)
          .flatMap(placeholdersOf)
          .filter((name) => !declared.has(name));
        expect({ kind, unknown }).toEqual({ kind, unknown: [] });
      }
    }
  });

  it.each(cases)('%s renders on %s with its variables, leaving no placeholder', (kind, channel) => {
    const out = render(kind, channel, SAMPLE_VARS[kind] as never, 'en');
    for (const text of textsOf(out)) {
      expect(text).not.toMatch(/\{\{|\}\}|undefined|null/);
      expect(text.trim().length).toBeGreaterThan(0);
    }
    if (channel === NotificationChannel.SMS) expect((out as { text: string }).text.length).toBeLessThanOrEqual(320);
  });

  it.each(cases)('%s on %s fails when any one of its variables is missing', (kind, channel) => {
    for (const name of variablesOf(kind)) {
      const vars: Record<string, string> = { ...(SAMPLE_VARS[kind] as Record<string, string>) };
      delete vars[name];
      expect(() => render(kind, channel, vars as never, 'en')).toThrow(
        new TemplateError(`${kind}/${channel}: variable ${name} is missing`),
      );
    }
  });

  it('puts the verification code in the subject and body, and the HTML part escapes input', () => {
    const out = render(
      NotificationKind.EMAIL_VERIFICATION,
      NotificationChannel.EMAIL,
      {
        firstName: '<b>Ngozi</b>',
        code: '482913',
        validFor: '60 minutes',
      },
      'en',
    );
    expect(out.subject).toBe('Your verification code: 482913');
    expect(out.text).toContain('Hello <b>Ngozi</b>,');
    expect(out.html).toContain('Hello &lt;b&gt;Ngozi&lt;/b&gt;,');
    expect(out.html).not.toContain('<b>Ngozi</b>');
  });

  it('makes links in the HTML part clickable', () => {
    const out = render(NotificationKind.PASSWORD_RESET, NotificationChannel.EMAIL, SAMPLE_VARS.PASSWORD_RESET, 'en');
    expect(out.html).toContain('<a href="https://app.example/reset-password?token=abc">');
  });

  it('refuses a channel the kind is not sent on', () => {
    expect(() =>
      render(NotificationKind.PASSWORD_RESET, NotificationChannel.SMS, SAMPLE_VARS.PASSWORD_RESET, 'en'),
    ).toThrow(TemplateError);
  });

  it('fill names the missing variable', () => {
    expect(fill('Hi {{ firstName }}', { firstName: 'A' }, 'x')).toBe('Hi A');
    expect(() => fill('Hi {{firstName}} {{lastName}}', { firstName: 'A' }, 'x')).toThrow(
      'x: variable lastName is missing',
    );
  });

  describe('online consultations', () => {
    const link = SAMPLE_VARS.CONSULTATION_SCHEDULED.joinLink;

    it('the scheduled message says when, with whom, which kind of call, and where to join', () => {
      const out = render(
        NotificationKind.CONSULTATION_SCHEDULED,
        NotificationChannel.EMAIL,
        SAMPLE_VARS.CONSULTATION_SCHEDULED,
        'en',
      );
      expect(out.subject).toBe('Your video consultation on Mon, 24 Nov 2026, 10:00 WAT');
      expect(out.text).toContain(
        'Your video consultation with Dr Tunde Adeyemi is on Mon, 24 Nov 2026, 10:00 WAT (consultation VC-20261124-4F7K2Q).',
      );
      expect(out.text).toContain(link);
      expect(out.html).toContain(`<a href="${link}">`);
    });

    it('the reminder carries the join link on every channel but push (which opens the app)', () => {
      const vars = SAMPLE_VARS.CONSULTATION_REMINDER;
      expect(render(NotificationKind.CONSULTATION_REMINDER, NotificationChannel.EMAIL, vars, 'en').subject).toBe(
        'Your consultation starts in 5 minutes',
      );
      expect(render(NotificationKind.CONSULTATION_REMINDER, NotificationChannel.SMS, vars, 'en').text).toBe(
        `Telehealth: your video consultation with Dr Tunde Adeyemi starts in 5 minutes. Join: ${link}`,
      );
      expect(render(NotificationKind.CONSULTATION_REMINDER, NotificationChannel.IN_APP, vars, 'en').body).toContain(
        link,
      );
    });

    it('who waits for whom: the doctor is in the room (to the patient), the patient is in the lobby (to the doctor)', () => {
      expect(
        render(
          NotificationKind.CONSULTATION_DOCTOR_WAITING,
          NotificationChannel.PUSH,
          SAMPLE_VARS.CONSULTATION_DOCTOR_WAITING,
          'en',
        ),
      ).toEqual({ title: 'Dr Tunde Adeyemi is in the room', body: 'Your video consultation is ready. Tap to join.' });
      expect(
        render(
          NotificationKind.DOCTOR_PATIENT_WAITING,
          NotificationChannel.PUSH,
          SAMPLE_VARS.DOCTOR_PATIENT_WAITING,
          'en',
        ),
      ).toEqual({ title: 'Your patient is waiting', body: 'Ngozi O. is in the lobby (Mon, 24 Nov 2026, 10:00 WAT).' });
      expect(
        render(
          NotificationKind.CONSULTATION_ADMITTED,
          NotificationChannel.IN_APP,
          SAMPLE_VARS.CONSULTATION_ADMITTED,
          'en',
        ).body,
      ).toBe(`Dr Tunde Adeyemi admitted you to your video consultation. Join: ${link}`);
    });

    it('a missed consultation says who was absent, in words for each side', () => {
      const terms = termsFor('en');
      const patient = (absent: 'PATIENT' | 'DOCTOR' | 'BOTH') =>
        render(
          NotificationKind.CONSULTATION_MISSED,
          NotificationChannel.IN_APP,
          { ...SAMPLE_VARS.CONSULTATION_MISSED, absence: terms.absentToPatient[absent] },
          'en',
        ).body;
      const doctor = (absent: 'PATIENT' | 'DOCTOR' | 'BOTH') =>
        render(
          NotificationKind.DOCTOR_CONSULTATION_MISSED,
          NotificationChannel.IN_APP,
          { ...SAMPLE_VARS.DOCTOR_CONSULTATION_MISSED, absence: terms.absentToDoctor[absent] },
          'en',
        ).body;
      const when = 'Mon, 24 Nov 2026, 10:00 WAT (VC-20261124-4F7K2Q)';
      expect(patient('PATIENT')).toBe(`Dr Tunde Adeyemi, ${when}: you did not join.`);
      expect(patient('DOCTOR')).toBe(`Dr Tunde Adeyemi, ${when}: the doctor did not join.`);
      expect(patient('BOTH')).toBe(`Dr Tunde Adeyemi, ${when}: neither you nor the doctor joined.`);
      expect(doctor('PATIENT')).toBe(`Ngozi O., ${when}: the patient did not join.`);
      expect(doctor('DOCTOR')).toBe(`Ngozi O., ${when}: you did not join.`);
      expect(doctor('BOTH')).toBe(`Ngozi O., ${when}: neither you nor the patient joined.`);
    });

    it('the end message gives the duration', () => {
      const out = render(
        NotificationKind.CONSULTATION_ENDED,
        NotificationChannel.EMAIL,
        SAMPLE_VARS.CONSULTATION_ENDED,
        'en',
      );
      expect(out.subject).toBe('Your consultation with Dr Tunde Adeyemi ended');
      expect(out.text).toContain('It lasted 25 minutes.');
    });

    it.each(Object.keys(LOCALES))('locale %s words every call type and absent party', (tag) => {
      const terms = LOCALES[tag].terms;
      for (const t of Object.values(CallType)) expect(terms.callType[t]).toEqual(expect.any(String));
      for (const a of Object.values(AbsentParty)) {
        expect(terms.absentToPatient[a]).toEqual(expect.any(String));
        expect(terms.absentToDoctor[a]).toEqual(expect.any(String));
      }
    });
  });

  it('resolves a language by tag, then by its primary language, then falls back to English', () => {
    expect(resolveLocale('en-GB')).toBe(FALLBACK);
    expect(resolveLocale('fr')).toBe(FALLBACK);
    expect(resolveLocale(undefined)).toBe(FALLBACK);
    expect(resolveLocale('en')).toBe(LOCALES.en);
  });
});
