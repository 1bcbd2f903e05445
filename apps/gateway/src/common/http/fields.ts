import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsISO8601,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  PASSWORD_PATTERN,
  PASSWORD_POLICY_TEXT,
} from '@telehealth/contracts';

/**
 * One decorator per kind of input field: validation (with messages that read after the field
 * name) and its OpenAPI description together, so every DTO states a rule the same way.
 */
interface FieldOptions {
  /** Absent or null is accepted (class-validator's IsOptional), so the document says nullable too. */
  optional?: boolean;
  example?: unknown;
  description?: string;
  /** The value used when absent (query strings: `page`, `limit`). */
  default?: unknown;
}

const trim = Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
const PHONE = /^\+?[0-9][0-9\s()-]{6,19}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function field(o: FieldOptions, api: ApiPropertyOptions, ...rules: PropertyDecorator[]): PropertyDecorator {
  const doc = {
    ...api,
    ...(o.example !== undefined && { example: o.example }),
    ...(o.description && { description: o.description }),
    ...(o.default !== undefined && { default: o.default }),
  };
  return applyDecorators(
    ...(o.optional ? [ApiPropertyOptional({ ...doc, nullable: true }), IsOptional()] : [ApiProperty(doc)]),
    ...rules,
  );
}

/** A text field: the type is stated, never read from `design:type` (`string | null` reads as Object). */
function text(o: FieldOptions, api: ApiPropertyOptions, ...rules: PropertyDecorator[]): PropertyDecorator {
  return field(o, { type: 'string', ...api } as ApiPropertyOptions, ...rules);
}

/**
 * @nestjs/swagger resolves a `type` thunk only when the function is named `type` (its
 * isLazyTypeFunc); a thunk passed in from a DTO is anonymous and would render as a `$ref` to ''.
 */
function lazyType(type: () => new () => object): () => new () => object {
  return Object.defineProperty(() => type(), 'name', { value: 'type' });
}

/** A person's or a thing's name: trimmed, non-empty, bounded. */
export const NameField = (o: FieldOptions & { max?: number } = {}) =>
  text(
    o,
    { minLength: 1, maxLength: o.max ?? 100, pattern: '\\S' },
    trim,
    IsString(),
    IsNotEmpty({ message: 'must not be empty' }),
    MaxLength(o.max ?? 100),
  );

export const EmailField = (o: FieldOptions = {}) =>
  text(
    o,
    { example: 'ngozi@example.com', format: 'email', maxLength: 254 },
    trim,
    IsEmail({}, { message: 'must be a valid email address' }),
    MaxLength(254),
  );

export const PhoneField = (o: FieldOptions = {}) =>
  text(
    o,
    { example: '+2348000000000', description: 'International format', pattern: PHONE.source },
    Matches(PHONE, { message: 'must be a phone number in international format, e.g. +2348000000000' }),
  );

/** A calendar date, YYYY-MM-DD (the owning service checks it is a real, plausible date). */
export const DateField = (o: FieldOptions = {}) =>
  text(
    o,
    { example: '1988-03-14', description: 'YYYY-MM-DD', pattern: DATE.source },
    IsString(),
    Matches(DATE, { message: 'must be a date formatted YYYY-MM-DD' }),
  );

export const PasswordField = (o: FieldOptions = {}) =>
  text(
    o,
    {
      description: PASSWORD_POLICY_TEXT,
      example: 'correct-horse-42',
      minLength: PASSWORD_MIN_LENGTH,
      maxLength: PASSWORD_MAX_LENGTH,
      pattern: PASSWORD_PATTERN.source,
    },
    IsString(),
    Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, { message: `must be ${PASSWORD_POLICY_TEXT}` }),
    Matches(PASSWORD_PATTERN, { message: `must be ${PASSWORD_POLICY_TEXT}` }),
  );

export const EnumField = (e: object, o: FieldOptions & { isArray?: boolean } = {}) =>
  field(
    o,
    { enum: e, isArray: o.isArray },
    IsEnum(e, { message: `must be one of ${Object.values(e).join(', ')}`, each: o.isArray }),
  );

/** An ISO-8601 date or date-time (query filters such as from/to). */
export const DateTimeField = (o: FieldOptions = {}) =>
  text(o, { format: 'date-time' }, IsISO8601({}, { message: 'must be an ISO-8601 date or time' }));

/** An ISO 4217 currency code. */
export const CurrencyField = (o: FieldOptions = {}) =>
  text(
    o,
    { example: 'NGN', pattern: '^[A-Z]{3}$' },
    Matches(/^[A-Z]{3}$/, { message: 'must be an ISO 4217 code such as NGN' }),
  );

export const UuidField = (o: FieldOptions = {}) =>
  text(o, { format: 'uuid' }, IsUUID('all', { message: 'must be a UUID' }));

export const LocaleField = (o: FieldOptions = {}) =>
  text(
    o,
    { example: 'en', pattern: '^[a-z]{2}(-[A-Z]{2})?$' },
    Matches(/^[a-z]{2}(-[A-Z]{2})?$/, { message: 'must be a language tag such as en or en-GB' }),
  );

export const TimeZoneField = (o: FieldOptions = {}) =>
  text(o, { example: 'Africa/Lagos', maxLength: 64 }, IsString(), MaxLength(64));

/** Free text: bounded, may be empty unless required. */
export const TextField = (o: FieldOptions & { max: number }) =>
  text(o, { maxLength: o.max }, IsString(), MaxLength(o.max));

/** An opaque string the client got from us (token, current password): non-empty, bounded. */
export const OpaqueField = (o: FieldOptions & { max: number }) =>
  text(
    o,
    { minLength: 1, maxLength: o.max },
    IsString(),
    IsNotEmpty({ message: 'must not be empty' }),
    MaxLength(o.max),
  );

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
/** Query strings carry text: numbers and booleans are converted only when they are exactly that. */
const numeric = Transform(({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value,
);
const boolean = Transform(({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value,
);

/** A wall-clock time, HH:MM from 00:00 to 23:59 (local to wherever it applies). */
export const ClockTimeField = (o: FieldOptions = {}) =>
  text(
    o,
    { example: '09:00', description: 'HH:MM, local time', pattern: CLOCK.source },
    IsString(),
    Matches(CLOCK, { message: 'must be a time formatted HH:MM (00:00 to 23:59)' }),
  );

/** A whole number in [min, max] (in a body or a query string). */
export const IntField = (o: FieldOptions & { min: number; max: number }) =>
  field(
    o,
    { type: 'integer', minimum: o.min, maximum: o.max },
    numeric,
    IsInt({ message: `must be a whole number from ${o.min} to ${o.max}` }),
    Min(o.min, { message: `must be a whole number from ${o.min} to ${o.max}` }),
    Max(o.max, { message: `must be a whole number from ${o.min} to ${o.max}` }),
  );

/** A number in [min, max], fractions allowed (coordinates). */
export const DecimalField = (o: FieldOptions & { min: number; max: number }) =>
  field(
    o,
    { type: 'number', minimum: o.min, maximum: o.max },
    numeric,
    IsNumber({ allowNaN: false, allowInfinity: false }, { message: `must be a number from ${o.min} to ${o.max}` }),
    Min(o.min, { message: `must be a number from ${o.min} to ${o.max}` }),
    Max(o.max, { message: `must be a number from ${o.min} to ${o.max}` }),
  );

/** true or false (also `?flag=true` in a query string). */
export const BoolField = (o: FieldOptions = {}) =>
  field(o, { type: 'boolean' }, boolean, IsBoolean({ message: 'must be true or false' }));

/** A list of short texts, each non-empty and bounded. */
export const TextListField = (o: FieldOptions & { maxItems: number; max: number }) =>
  field(
    o,
    { type: 'string', isArray: true, maxItems: o.maxItems, items: { type: 'string', minLength: 1, maxLength: o.max } },
    IsArray({ message: 'must be a list' }),
    ArrayMaxSize(o.maxItems, { message: `must have at most ${o.maxItems} items` }),
    IsString({ each: true, message: 'must contain only strings' }),
    IsNotEmpty({ each: true, message: 'must not contain empty items' }),
    MaxLength(o.max, { each: true, message: `items must be at most ${o.max} characters` }),
  );

/** An object (or a list of them) of a DTO class, validated field by field (`address.city`). */
export const NestedField = (
  type: () => new () => object,
  o: FieldOptions & { isArray?: boolean; maxItems?: number } = {},
) =>
  field(
    o,
    { type: lazyType(type), isArray: o.isArray },
    ...(o.isArray
      ? [
          IsArray({ message: 'must be a list' }),
          ArrayMaxSize(o.maxItems ?? 100, { message: `must have at most ${o.maxItems ?? 100} items` }),
          IsObject({ each: true, message: 'must contain only objects' }),
        ]
      : [IsObject({ message: 'must be an object' })]),
    ValidateNested({ each: o.isArray }),
    Type(type),
  );
