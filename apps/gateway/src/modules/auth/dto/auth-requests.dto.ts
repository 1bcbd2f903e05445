import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsEnum, IsNotEmpty, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { Gender, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PASSWORD_PATTERN, PASSWORD_POLICY_TEXT } from '@telehealth/contracts';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const PHONE = /^\+?[0-9][0-9\s()-]{6,19}$/;

export class RegisterDto {
  @ApiProperty({ example: 'quadri@example.com', maxLength: 254 })
  @Transform(trim)
  @IsEmail({}, { message: 'must be a valid email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ description: PASSWORD_POLICY_TEXT, example: 'correct-horse-42' })
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, { message: `must be ${PASSWORD_POLICY_TEXT}` })
  @Matches(PASSWORD_PATTERN, { message: `must be ${PASSWORD_POLICY_TEXT}` })
  password: string;

  @ApiProperty({ example: 'Quadri', maxLength: 100 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(100)
  firstName: string;

  @ApiProperty({ example: 'Adekunle', maxLength: 100 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(100)
  lastName: string;

  @ApiProperty({ example: '+2348000000000', description: 'International format' })
  @IsString()
  @Matches(PHONE, { message: 'must be a phone number in international format, e.g. +2348000000000' })
  phone: string;

  @ApiProperty({ example: '1988-03-14', description: 'YYYY-MM-DD' })
  @IsString()
  @Matches(DATE, { message: 'must be a date formatted YYYY-MM-DD' })
  dateOfBirth: string;

  @ApiProperty({ enum: Gender })
  @IsEnum(Gender, { message: `must be one of ${Object.values(Gender).join(', ')}` })
  gender: Gender;

  @ApiPropertyOptional({ example: 'en' })
  @IsOptional()
  @Matches(/^[a-z]{2}(-[A-Z]{2})?$/, { message: 'must be a language tag such as en or en-GB' })
  locale?: string;

  @ApiPropertyOptional({ example: 'Africa/Lagos' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timeZone?: string;
}

export class LoginDto {
  @ApiProperty({ example: 'patient@demo.health' })
  @Transform(trim)
  @IsEmail({}, { message: 'must be a valid email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'DemoPass2026' })
  @IsString()
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;
}

export class RefreshDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(200)
  refreshToken: string;
}

export class LogoutDto {
  @ApiPropertyOptional({ description: 'Ends this session only; without it, every session of the user ends' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  refreshToken?: string;
}

export class VerifyEmailDto {
  @ApiProperty({ example: 'quadri@example.com' })
  @Transform(trim)
  @IsEmail({}, { message: 'must be a valid email address' })
  email: string;

  @ApiProperty({ example: '123456' })
  @Matches(/^\d{6}$/, { message: 'must be the 6-digit code from the email' })
  code: string;
}

export class EmailOnlyDto {
  @ApiProperty({ example: 'quadri@example.com' })
  @Transform(trim)
  @IsEmail({}, { message: 'must be a valid email address' })
  email: string;
}

export class PasswordResetConfirmDto {
  @ApiProperty({ description: 'The token from the reset message' })
  @IsString()
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(200)
  token: string;

  @ApiProperty({ description: PASSWORD_POLICY_TEXT })
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, { message: `must be ${PASSWORD_POLICY_TEXT}` })
  @Matches(PASSWORD_PATTERN, { message: `must be ${PASSWORD_POLICY_TEXT}` })
  newPassword: string;
}
