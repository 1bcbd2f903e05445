import { Controller, Get, Header } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AccessTokenKeys } from '../../common/auth/access-token-keys';
import { Public } from '../../common/auth/public.decorator';
import { ApiErrors } from '../../common/openapi/common.dto';
import { JsonWebKeySetDto } from './jwks.dto';

/** Identity's public keys, for anyone who wants to verify an access token themselves. */
@ApiTags('auth')
@Controller('.well-known')
export class JwksController {
  constructor(private readonly keys: AccessTokenKeys) {}

  @Get('jwks.json')
  @Public()
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({
    summary: 'The keys that verify access tokens (ES256; the token header’s kid names one)',
    description:
      'The current key and the retired ones whose tokens may still be valid. Only identity holds the private keys; the gateway verifies with these.',
  })
  @ApiResponse({ status: 200, type: JsonWebKeySetDto })
  @ApiErrors()
  jwks() {
    return this.keys.jwks();
  }
}
