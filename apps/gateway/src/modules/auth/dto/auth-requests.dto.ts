import { Matches } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import { Gender, PASSWORD_MAX_LENGTH } from '@telehealth/contracts';
import {
  DateField,
  EmailField,
  EnumField,
  LocaleField,
  NameField,
  OpaqueField,
  PasswordField,
  PhoneField,
  TimeZoneField,
} from '../../../common/http/fields';

export class RegisterDto {
  @EmailField() email: string;
  @PasswordField() password: string;
  @NameField({ example: 'Ngozi' }) firstName: string;
  @NameField({ example: 'Okeke' }) lastName: string;
  @PhoneField() phone: string;
  @DateField() dateOfBirth: string;
  @EnumField(Gender) gender: Gender;
  @LocaleField({ optional: true }) locale?: string;
  @TimeZoneField({ optional: true }) timeZone?: string;
}

export class LoginDto {
  @EmailField() email: string;
  @OpaqueField({ max: PASSWORD_MAX_LENGTH, example: 'correct-horse-42' }) password: string;
}

export class RefreshDto {
  @OpaqueField({ max: 200 }) refreshToken: string;
}

export class LogoutDto {
  @OpaqueField({
    max: 200,
    optional: true,
    description: 'Ends this session only; without it, every session of the user ends',
  })
  refreshToken?: string;
}

export class VerifyEmailDto {
  @EmailField() email: string;

  @ApiProperty({ example: '123456' })
  @Matches(/^\d{6}$/, { message: 'must be the 6-digit code from the email' })
  code: string;
}

export class EmailOnlyDto {
  @EmailField() email: string;
}

export class PasswordResetConfirmDto {
  @OpaqueField({ max: 200, description: 'The token from the reset message' }) token: string;
  @PasswordField() newPassword: string;
}
