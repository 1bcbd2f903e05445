/** The demo patients (identity's demo accounts) and what their wallets start with. */
export const DEMO_WALLETS = [
  // patient@demo.health: ₦100,000, enough for several bookings.
  { userId: 'e0000000-0000-4000-8000-000000000001', openingMinor: 10_000_000 },
  // patient2@demo.health: ₦10,000, less than most fees: shows "insufficient funds".
  { userId: 'e0000000-0000-4000-8000-000000000002', openingMinor: 1_000_000 },
] as const;
