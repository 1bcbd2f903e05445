import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module';
import { DemoSeeder } from './demo.seeder';

/** Demo data (DEMO_DATA=true): funded wallets for the demo patients. */
@Module({ imports: [LedgerModule], providers: [DemoSeeder] })
export class DemoModule {}
