import { Controller } from '@nestjs/common';
import { IdentityRpc, type JsonWebKeySet } from '@telehealth/contracts';
import { Rpc } from '@telehealth/messaging';
import { SigningKeys } from '../../crypto/signing-keys';

/** The public keys that verify access tokens: the gateway verifies with them and publishes them. */
@Controller()
export class KeysController {
  constructor(private readonly keys: SigningKeys) {}

  @Rpc(IdentityRpc.jwks)
  jwks(): JsonWebKeySet {
    return this.keys.jwks();
  }
}
