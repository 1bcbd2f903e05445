import 'reflect-metadata';

const SECRET_KEYS = Symbol('config:secret-keys');

/** Marks a setting as secret: it is never printed, not even in validation errors. */
export function Secret(): PropertyDecorator {
  return (target, key) => {
    const keys: string[] = Reflect.getMetadata(SECRET_KEYS, target) ?? [];
    Reflect.defineMetadata(SECRET_KEYS, [...keys, String(key)], target);
  };
}

export function secretKeysOf(instance: object): string[] {
  return Reflect.getMetadata(SECRET_KEYS, Object.getPrototypeOf(instance)) ?? [];
}
