import { Module, type DynamicModule, type ModuleMetadata } from '@nestjs/common';
import { InboxModule } from '../inbox/inbox.module';
import { PreferencesModule } from '../preferences/preferences.module';
import { SuppressionsModule } from '../suppressions/suppressions.module';
import { Dispatcher } from './dispatcher';

type Imported = NonNullable<ModuleMetadata['imports']>[number];

/**
 * Turning a notice into deliveries (recipient, preferences, quiet hours, templates, one record
 * and job per channel). `delivery` and `recipients` are the registered delivery and recipients
 * modules (for the delivery log and queues, and the contact directory).
 */
@Module({})
export class DispatchModule {
  static register(delivery: Imported, recipients: Imported): DynamicModule {
    return {
      module: DispatchModule,
      imports: [delivery, recipients, PreferencesModule, InboxModule, SuppressionsModule],
      providers: [Dispatcher],
      exports: [Dispatcher],
    };
  }
}
