import { Role, type Caller } from '@telehealth/contracts';
import { DomainError } from '@telehealth/messaging';
import type { WalletDoc } from '../ledger/wallet.schema';

export const isAdmin = (caller: Caller) => caller.roles.includes(Role.ADMIN);

/** Someone else's wallet is indistinguishable from a missing one (admins see all). */
export function requireVisibleWallet(caller: Caller, w: WalletDoc | null): WalletDoc {
  if (!w || (w.userId !== caller.userId && !isAdmin(caller))) throw DomainError.notFound('Wallet');
  return w;
}
