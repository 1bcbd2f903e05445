import type { InjectionToken, Provider } from '@nestjs/common';

const tokenOf = (p: Provider): InjectionToken => (typeof p === 'function' ? p : p.provide);

/**
 * A module's providers with those that `overrides` replaces swapped for the replacement (tests:
 * a contact directory that does not need identity). Overrides of other modules' providers are
 * left for them.
 */
export function withOverrides(defaults: Provider[], overrides: Provider[] = []): Provider[] {
  const own = new Set(defaults.map(tokenOf));
  const replacing = overrides.filter((o) => own.has(tokenOf(o)));
  const replaced = new Set(replacing.map(tokenOf));
  return [...defaults.filter((p) => !replaced.has(tokenOf(p))), ...replacing];
}

/** Throws unless every override replaces one of `replaceable` (an override nobody applies is a mistake). */
export function checkOverrides(overrides: Provider[], replaceable: InjectionToken[]): void {
  const unknown = overrides.map(tokenOf).filter((t) => !replaceable.includes(t));
  if (unknown.length) {
    const names = unknown.map((t) => (typeof t === 'function' ? t.name : String(t)));
    throw new Error(`No notifications module provides ${names.join(', ')}: it cannot be overridden`);
  }
}
