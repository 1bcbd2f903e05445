import { Module } from '@nestjs/common';
import { AvailabilityModule } from '../availability/availability.module';
import { DirectoryModule } from '../directory/directory.module';
import { DemoSeeder } from './demo.seeder';

/** Demo data (DEMO_DATA=true): the directory and availability behind the demo logins. */
@Module({
  imports: [DirectoryModule, AvailabilityModule],
  providers: [DemoSeeder],
})
export class DemoModule {}
