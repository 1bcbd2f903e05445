import { Module, type DynamicModule } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { JwtConfig, type JwtSigningConfig } from '@telehealth/config';
import { PasswordHasher } from './password-hasher';
import { PiiCipher } from './pii-cipher';
import { SigningKeys } from './signing-keys';

/**
 * The keys and the crypto of identity, configured once from main: access-token signing (JWT,
 * ES256 with the key named by JWT_KEY_ID), PII encryption and password hashing. Global like the
 * service config, so a concept module injects them without importing this one.
 */
@Module({})
export class CryptoModule {
  static forRoot(jwt: JwtSigningConfig & { NODE_ENV?: string }): DynamicModule {
    const keys = new SigningKeys(jwt);
    return {
      module: CryptoModule,
      global: true,
      imports: [
        JwtModule.register({
          privateKey: keys.privateKeyPem,
          signOptions: {
            algorithm: 'ES256',
            keyid: keys.keyId,
            issuer: jwt.JWT_ISSUER,
            audience: jwt.JWT_AUDIENCE,
            expiresIn: jwt.ACCESS_TOKEN_TTL_SECONDS,
          },
        }),
      ],
      providers: [
        { provide: JwtConfig, useValue: jwt },
        { provide: SigningKeys, useValue: keys },
        PiiCipher,
        PasswordHasher,
      ],
      exports: [JwtModule, JwtConfig, SigningKeys, PiiCipher, PasswordHasher],
    };
  }
}
