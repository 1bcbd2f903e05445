import { NOTIFICATION_CHANNELS, NotificationChannel, NotificationKind } from '@telehealth/contracts';
import { KIND_SPECS } from './kinds';
import { FALLBACK, LOCALES, resolveLocale } from './locales';
import { TemplateError, fill, placeholdersOf, render, templateFor } from './render';
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

  it('resolves a language by tag, then by its primary language, then falls back to English', () => {
    expect(resolveLocale('en-GB')).toBe(FALLBACK);
    expect(resolveLocale('fr')).toBe(FALLBACK);
    expect(resolveLocale(undefined)).toBe(FALLBACK);
    expect(resolveLocale('en')).toBe(LOCALES.en);
  });
});
