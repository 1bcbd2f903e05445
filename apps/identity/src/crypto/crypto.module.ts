import { Module, type DynamicModule } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { JwtConfig } from '@telehealth/config';
import { PasswordHasher } from './password-hasher';
import { PiiCipher } from './pii-cipher';

/**
 * The keys and the crypto of identity, configured once from main: access-token signing (JWT),
 * PII encryption and password hashing. Global like the service config, so a concept module
 * injects them without importing this one.
 */
@Module({})
export class CryptoModule {
  static forRoot(jwt: JwtConfig): DynamicModule {
    return {
      module: CryptoModule,
      global: true,
      imports: [
        JwtModule.register({
          secret: jwt.JWT_SECRET,
          signOptions: {
            algorithm: 'HS256',
            issuer: jwt.JWT_ISSUER,
            audience: jwt.JWT_AUDIENCE,
            expiresIn: jwt.ACCESS_TOKEN_TTL_SECONDS,
          },
        }),
      ],
      providers: [{ provide: JwtConfig, useValue: jwt }, PiiCipher, PasswordHasher],
      exports: [JwtModule, JwtConfig, PiiCipher, PasswordHasher],
    };
  }
}
