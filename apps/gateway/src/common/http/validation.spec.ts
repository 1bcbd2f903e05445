import 'reflect-metadata';
import { BadRequestException, type ArgumentMetadata } from '@nestjs/common';
import { plainToInstance, Type } from 'class-transformer';
import { IsEmail, IsInt, IsNotEmpty, IsString, Min, ValidateNested, validate } from 'class-validator';
import { DomainError } from '@telehealth/messaging';
import { RegisterDto } from '../../modules/auth/dto/auth-requests.dto';
import { UpdatePreferencesDto } from '../../modules/notifications/dto/notification.dto';
import { WalletMonthParam } from '../../modules/wallet/dto/wallet.dto';
import { fieldProblems, validationPipe } from './validation';

class ItemDto {
  @IsInt()
  @Min(1)
  amount: number;

  @IsString()
  @IsNotEmpty({ message: 'must not be empty' })
  label: string;
}

class AddressDto {
  @IsString()
  city: string;
}

class OrderDto {
  @IsEmail({}, { message: 'must be a valid email address' })
  email: string;

  @IsNotEmpty({ message: 'a reference is required here' })
  reference: string;

  @ValidateNested()
  @Type(() => AddressDto)
  address: AddressDto;

  @ValidateNested({ each: true })
  @Type(() => ItemDto)
  items: ItemDto[];
}

const validOrder = {
  email: 'a@example.com',
  reference: 'R-1',
  address: { city: 'Lagos' },
  items: [{ amount: 2, label: 'pills' }],
};

async function problemsOf<T extends object>(cls: new () => T, plain: object, options = {}) {
  return fieldProblems(await validate(plainToInstance(cls, plain), options));
}

describe('fieldProblems', () => {
  it('returns nothing for a valid object', async () => {
    expect(await problemsOf(OrderDto, validOrder)).toEqual([]);
  });

  it('strips the leading property name from built-in messages', async () => {
    const problems = await problemsOf(OrderDto, { ...validOrder, items: [{ amount: 0, label: 'x' }] });
    expect(problems).toEqual([{ field: 'items.0.amount', problem: 'must not be less than 1' }]);
  });

  it('keeps custom messages as written, even when they mention the property later on', async () => {
    const problems = await problemsOf(OrderDto, { ...validOrder, email: 'nope', reference: '' });
    expect(problems).toEqual(
      expect.arrayContaining([
        { field: 'email', problem: 'must be a valid email address' },
        { field: 'reference', problem: 'a reference is required here' },
      ]),
    );
    expect(problems).toHaveLength(2);
  });

  it('flattens nested objects and arrays into dotted fields', async () => {
    const problems = await problemsOf(OrderDto, {
      ...validOrder,
      address: { city: 7 },
      items: [
        { amount: 1, label: 'ok' },
        { amount: 1.5, label: '' },
      ],
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        { field: 'address.city', problem: 'must be a string' },
        { field: 'items.1.amount', problem: 'must be an integer number' },
        { field: 'items.1.label', problem: 'must not be empty' },
      ]),
    );
    expect(problems).toHaveLength(3);
    for (const p of problems) expect(p.problem.startsWith(p.field.split('.').pop() ?? '')).toBe(false);
  });

  it('reports each broken rule of a field when not stopping at the first error', async () => {
    const problems = await problemsOf(OrderDto, { ...validOrder, items: [{ amount: 'x', label: 'y' }] });
    expect(problems.map((p) => p.field)).toEqual(['items.0.amount', 'items.0.amount']);
  });

  it('applies a prefix', () => {
    expect(
      fieldProblems([{ property: 'x', constraints: { isInt: 'x must be an integer' }, children: [] }], 'body'),
    ).toEqual([{ field: 'body.x', problem: 'must be an integer' }]);
  });

  it('only strips the property name when it is a whole leading word', () => {
    // "emailAddress ..." must not lose "email" when the property is "email".
    expect(fieldProblems([{ property: 'email', constraints: { c: 'emailAddress is wrong' }, children: [] }])).toEqual([
      { field: 'email', problem: 'emailAddress is wrong' },
    ]);
  });
});

const validRegistration = {
  email: 'quadri@example.com',
  password: 'correct-horse-42',
  firstName: 'Quadri',
  lastName: 'Adekunle',
  phone: '+2348000000000',
  dateOfBirth: '1988-03-14',
  gender: 'MALE',
};

const STRICT = { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: true };

async function registerProblems(plain: object) {
  return fieldProblems(await validate(plainToInstance(RegisterDto, plain), STRICT));
}

describe('RegisterDto validation', () => {
  it('accepts a valid registration, with or without the optional fields', async () => {
    expect(await registerProblems(validRegistration)).toEqual([]);
    expect(await registerProblems({ ...validRegistration, locale: 'en-GB', timeZone: 'Africa/Lagos' })).toEqual([]);
  });

  it('trims the email and names', async () => {
    const dto = plainToInstance(RegisterDto, {
      ...validRegistration,
      email: '  quadri@example.com ',
      firstName: ' Quadri ',
    });
    expect(await validate(dto, STRICT)).toEqual([]);
    expect(dto.email).toBe('quadri@example.com');
    expect(dto.firstName).toBe('Quadri');
  });

  it.each<[string, unknown]>([
    ['email', 'not-an-email'],
    ['email', ''],
    ['email', undefined],
    ['email', 42],
    ['email', `${'a'.repeat(250)}@example.com`],
    ['password', 'short1'],
    ['password', 'abcdefghijklmnop'],
    ['password', '12345678901234'],
    ['password', 'a1'.repeat(65)],
    ['password', 1234567890],
    ['password', undefined],
    ['firstName', ''],
    ['firstName', '    '],
    ['firstName', 'x'.repeat(101)],
    ['firstName', 7],
    ['firstName', undefined],
    ['lastName', ''],
    ['lastName', 'y'.repeat(101)],
    ['lastName', null],
    ['phone', 'call me'],
    ['phone', '12345'],
    ['phone', 2348000000000],
    ['phone', undefined],
    ['dateOfBirth', '14/03/1988'],
    ['dateOfBirth', '1988-3-14'],
    ['dateOfBirth', '1988-03-14T00:00:00Z'],
    ['dateOfBirth', 19880314],
    ['dateOfBirth', undefined],
    ['gender', 'male'],
    ['gender', 'ROBOT'],
    ['gender', undefined],
    ['locale', 'english'],
    ['timeZone', 'z'.repeat(65)],
  ])('an invalid %s (%j) yields exactly one problem naming that field', async (field, value) => {
    const problems = await registerProblems({ ...validRegistration, [field]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0].field).toBe(field);
    expect(problems[0].problem.startsWith(`${field} `)).toBe(false);
    expect(problems[0].problem.length).toBeGreaterThan(0);
  });

  it('reports one problem per invalid field when several are invalid', async () => {
    const problems = await registerProblems({ ...validRegistration, email: 'x', password: 'short', gender: 'X' });
    expect(problems.map((p) => p.field).sort()).toEqual(['email', 'gender', 'password']);
  });

  it('rejects an unknown field by name', async () => {
    const problems = await registerProblems({ ...validRegistration, roles: ['ADMIN'] });
    expect(problems).toHaveLength(1);
    expect(problems[0].field).toBe('roles');
  });
});

describe('validationPipe', () => {
  const meta: ArgumentMetadata = { type: 'body', metatype: RegisterDto, data: '' };

  it('returns a transformed RegisterDto for valid input', async () => {
    const dto = await validationPipe.transform({ ...validRegistration, email: ' quadri@example.com ' }, meta);
    expect(dto).toBeInstanceOf(RegisterDto);
    expect(dto.email).toBe('quadri@example.com');
  });

  it('throws a 400 naming every invalid field, with one detail per field', async () => {
    let err: unknown;
    try {
      await validationPipe.transform({ ...validRegistration, email: 'x', phone: 'nope', extra: 1 }, meta);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(BadRequestException);
    const body = (err as BadRequestException).getResponse() as {
      message: string;
      details: { field: string }[];
      reason: string;
    };
    expect(body.reason).toBe('VALIDATION_FAILED');
    expect(body.details.map((d) => d.field).sort()).toEqual(['email', 'extra', 'phone']);
    expect(body.message).toMatch(/^Invalid input: /);
    for (const f of ['email', 'phone', 'extra']) expect(body.message).toContain(f);
    // Values are never echoed back.
    expect(JSON.stringify(body)).not.toContain('nope');
  });

  it.each([undefined, null])(
    'refuses a missing body (%s) where the route takes a DTO, even one of optional fields',
    async (body) => {
      const err = await validationPipe.transform(body, { type: 'body', metatype: UpdatePreferencesDto, data: '' }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(BadRequestException);
      expect((err as BadRequestException).getResponse()).toMatchObject({
        reason: 'VALIDATION_FAILED',
        details: [{ field: 'body' }],
      });
      await expect(
        validationPipe.transform({}, { type: 'body', metatype: UpdatePreferencesDto, data: '' }),
      ).resolves.toBeInstanceOf(UpdatePreferencesDto);
    },
  );

  it("validates a route's path parameters as one object (each @Param() DTO sees them all)", async () => {
    const params = { id: '3f1c2a9e-7a51-4c55-9a0e-8d1b6c1f4a20', month: '2026-01' };
    await expect(
      validationPipe.transform(params, { type: 'param', metatype: WalletMonthParam, data: '' }),
    ).resolves.toEqual(params);
  });

  it("answers the same reason as a service's field problem (DomainError.invalid): one reason for field problems", async () => {
    const gateway = await validationPipe.transform({ ...validRegistration, email: 'x' }, meta).then(
      () => null,
      (e: BadRequestException) => e.getResponse() as { reason: string },
    );
    expect(DomainError.invalid('dateOfBirth', 'must be in the past').toWire().reason).toBe(gateway?.reason);
  });
});
