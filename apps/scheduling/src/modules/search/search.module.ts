import { Module } from '@nestjs/common';
import { AvailabilityModule } from '../availability/availability.module';
import { DirectoryModule } from '../directory/directory.module';
import { DoctorSearchController } from './doctor-search.controller';
import { DoctorSearchService } from './doctor-search.service';
import { FreeSlotFinder } from './free-slot-finder';

/**
 * Doctor search (SchedulingRpc.searchDoctors): the directory's filters plus distance and free slots,
 * so it sits above both the directory and availability.
 */
@Module({
  imports: [DirectoryModule, AvailabilityModule],
  controllers: [DoctorSearchController],
  providers: [DoctorSearchService, FreeSlotFinder],
})
export class SearchModule {}
