import { NotificationChannel, type NotificationKind } from '@telehealth/contracts';
import { KIND_SPECS } from './kinds';
import { FALLBACK, resolveLocale } from './locales';
import type { EmailTemplate, KindTemplates, TextTemplate, TitledTemplate } from './locales/locale';
import { variablesOf, type TemplateVars } from './template-vars';

/** A template needed a variable the message did not have: a bug, never sent half-filled. */
export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateError';
  }
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}
export interface RenderedText {
  text: string;
}
export interface RenderedTitled {
  title: string;
  body: string;
}
export interface RenderedByChannel {
  [NotificationChannel.EMAIL]: RenderedEmail;
  [NotificationChannel.SMS]: RenderedText;
  [NotificationChannel.PUSH]: RenderedTitled;
  [NotificationChannel.IN_APP]: RenderedTitled;
}

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g;

/** The `{{names}}` a template string uses. */
export const placeholdersOf = (template: string): string[] => [...template.matchAll(PLACEHOLDER)].map((m) => m[1]);

/** Replaces every `{{name}}`; a name without a value throws (never "undefined" in a message). */
export function fill(template: string, vars: Record<string, string>, where: string): string {
  return template.replace(PLACEHOLDER, (_, name: string) => {
    const value = vars[name];
    if (typeof value !== 'string') throw new TemplateError(`${where}: variable ${name} is missing`);
    return value;
  });
}

const channelKey = {
  [NotificationChannel.EMAIL]: 'email',
  [NotificationChannel.SMS]: 'sms',
  [NotificationChannel.PUSH]: 'push',
  [NotificationChannel.IN_APP]: 'inApp',
} as const satisfies Record<NotificationChannel, keyof KindTemplates>;

/** The template of a kind and channel in a language (falling back to English per kind). */
export function templateFor(
  kind: NotificationKind,
  channel: NotificationChannel,
  locale: string | null | undefined,
): EmailTemplate | TextTemplate | TitledTemplate | undefined {
  const key = channelKey[channel];
  return resolveLocale(locale).kinds[kind]?.[key] ?? FALLBACK.kinds[kind][key];
}

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The HTML part of an email: the plain text as paragraphs, links made clickable, and the footer. */
export function emailHtml(subject: string, text: string, footer: string): string {
  const paragraphs = text
    .split(/\n{2,}/)
    .map(
      (p) =>
        `<p>${escapeHtml(p)
          .replace(/(https?:\/\/[^\s<]+)/g, '<a href="$1">$1</a>')
          .replace(/\n/g, '<br>')}</p>`,
    )
    .join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body style="font-family:sans-serif;line-height:1.5;color:#1f2933">\n${paragraphs}\n<p style="color:#7b8794;font-size:12px">${escapeHtml(footer)}</p>\n</body></html>`;
}

/**
 * Renders one kind's message for one channel. Every variable of the kind must be present (the
 * check does not depend on which ones this channel's template happens to use).
 */
export function render<K extends NotificationKind, C extends NotificationChannel>(
  kind: K,
  channel: C,
  vars: TemplateVars[K],
  locale: string | null | undefined,
): RenderedByChannel[C] {
  const where = `${kind}/${channel}`;
  if (!KIND_SPECS[kind].channels.includes(channel)) throw new TemplateError(`${where}: not sent on this channel`);
  const values = vars as unknown as Record<string, string>;
  for (const name of variablesOf(kind)) {
    if (typeof values[name] !== 'string') throw new TemplateError(`${where}: variable ${name} is missing`);
  }
  const template = templateFor(kind, channel, locale);
  if (!template) throw new TemplateError(`${where}: no template`);
  const language = resolveLocale(locale);
  if ('subject' in template) {
    const subject = fill(template.subject, values, where);
    const text = fill(template.text, values, where);
    return { subject, text, html: emailHtml(subject, text, language.terms.footer) } as RenderedByChannel[C];
  }
  if ('title' in template) {
    return {
      title: fill(template.title, values, where),
      body: fill(template.body, values, where),
    } as RenderedByChannel[C];
  }
  return { text: fill(template.text, values, where) } as RenderedByChannel[C];
}

export const termsFor = (locale: string | null | undefined) => resolveLocale(locale).terms;
