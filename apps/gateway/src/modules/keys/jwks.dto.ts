import { ApiProperty } from '@nestjs/swagger';
import type { JsonWebKeySet, PublicJwk } from '@telehealth/contracts';

class PublicJwkDto implements PublicJwk {
  @ApiProperty({ enum: ['EC'] }) kty: 'EC';
  @ApiProperty({ enum: ['P-256'] }) crv: 'P-256';
  @ApiProperty() x: string;
  @ApiProperty() y: string;
  @ApiProperty() kid: string;
  @ApiProperty({ enum: ['ES256'] }) alg: 'ES256';
  @ApiProperty({ enum: ['sig'] }) use: 'sig';
}

export class JsonWebKeySetDto implements JsonWebKeySet {
  @ApiProperty({ type: [PublicJwkDto] }) keys: PublicJwkDto[];
}
