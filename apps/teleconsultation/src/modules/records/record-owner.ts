import { Injectable } from '@nestjs/common';
import { IdentityRpc } from '@telehealth/contracts';
import { RpcClient, type RequestMeta } from '@telehealth/messaging';

/**
 * Whose record the caller means: their own, or one of their dependents' (checked with identity,
 * which answers 404 for someone else's dependent). Guardians read and write their dependents' records.
 */
@Injectable()
export class RecordOwner {
  constructor(private readonly rpc: RpcClient) {}

  async dependentOf(dependentId: string | undefined, meta: RequestMeta): Promise<string | null> {
    if (!dependentId) return null;
    await this.rpc.call(IdentityRpc.getDependent, { id: dependentId }, meta);
    return dependentId;
  }
}
