import { ApiProperty } from '@nestjs/swagger';
import { Gender, Role, UserStatus, type AuthTokens, type UserView } from '@telehealth/contracts';

export class UserDto implements UserView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'quadri@example.com' }) email: string;
  @ApiProperty() emailVerified: boolean;
  @ApiProperty({ example: 'Quadri' }) firstName: string;
  @ApiProperty({ example: 'Adekunle' }) lastName: string;
  @ApiProperty({ nullable: true, example: '+2348000000000', type: String }) phone: string | null;
  @ApiProperty({ nullable: true, example: '1988-03-14', type: String }) dateOfBirth: string | null;
  @ApiProperty({ nullable: true, enum: Gender }) gender: Gender | null;
  @ApiProperty({ enum: Role, isArray: true }) roles: Role[];
  @ApiProperty({ type: [String] }) organisationIds: string[];
  @ApiProperty({ nullable: true, type: String, description: 'Public doctor profile id (DOCTOR accounts)' })
  doctorProfileId: string | null;
  @ApiProperty({ enum: UserStatus }) status: UserStatus;
  @ApiProperty({ example: 'en' }) locale: string;
  @ApiProperty({ example: 'Africa/Lagos' }) timeZone: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class AuthTokensDto implements AuthTokens {
  @ApiProperty({ enum: ['Bearer'] }) tokenType: 'Bearer';
  @ApiProperty({ description: 'JWT (HS256), 15 minutes by default' }) accessToken: string;
  @ApiProperty({ format: 'date-time' }) accessTokenExpiresAt: string;
  @ApiProperty({ description: 'Opaque; rotates on every use. Reusing an old one revokes the session.' })
  refreshToken: string;
  @ApiProperty({ format: 'date-time' }) refreshTokenExpiresAt: string;
  @ApiProperty({ type: UserDto }) user: UserDto;
}
