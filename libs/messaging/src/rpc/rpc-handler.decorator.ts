import { MessagePattern } from '@nestjs/microservices';
import type { RpcContract } from '@telehealth/contracts';

/** Answers a request-reply contract: `@Rpc(IdentityRpc.login) login(@Payload() q, @Meta() m)`. */
export const Rpc = <Q, R>(contract: RpcContract<Q, R>): MethodDecorator => MessagePattern(contract.pattern);
