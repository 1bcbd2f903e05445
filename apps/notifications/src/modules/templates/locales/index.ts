import { en } from './en';
import type { CompleteLocaleTemplates, LocaleTemplates } from './locale';

/** Every language with templates. Add one by writing `<tag>.ts` beside en.ts and listing it here. */
export const LOCALES: Record<string, LocaleTemplates> = { en };
export const FALLBACK: CompleteLocaleTemplates = en;

/** `en-GB` -> `en-GB` if present, else `en`; anything unknown -> the fallback. */
export function resolveLocale(tag: string | null | undefined): LocaleTemplates {
  if (!tag) return FALLBACK;
  return LOCALES[tag] ?? LOCALES[tag.split('-')[0].toLowerCase()] ?? FALLBACK;
}
