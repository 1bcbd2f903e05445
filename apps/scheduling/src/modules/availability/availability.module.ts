import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { SlotCatalog } from '../appointments/slot-catalog';
import { DirectoryModule } from '../directory/directory.module';
import { DAY_CLAIM_MODEL, DayClaimSchema } from '../seats/day-claim.schema';
import { SEAT_CLAIM_MODEL, SeatClaimSchema } from '../seats/seat-claim.schema';
import { AVAILABILITY_EXCEPTION_MODEL, AvailabilityExceptionSchema } from './availability-exception.schema';
import { AvailabilityExceptionsService } from './availability-exceptions.service';
import { AVAILABILITY_RULE_MODEL, AvailabilityRuleSchema } from './availability-rule.schema';
import { AvailabilityRulesService } from './availability-rules.service';
import { AvailabilitySlotCatalog } from './availability-slot-catalog';
import { AvailabilitySource } from './availability-source';
import { AvailabilityController } from './availability.controller';
import { SlotsService } from './slots.service';
import { StrandGuard } from './strand-guard';

/**
 * Weekly rules and one-off exceptions, expanded to slots. Provides the SlotCatalog booking
 * resolves slot ids with; reads seat and day claims to count bookings (and daily caps) and to protect them.
 */
@Module({
  imports: [
    DirectoryModule,
    MongooseModule.forFeature([
      { name: AVAILABILITY_RULE_MODEL, schema: AvailabilityRuleSchema },
      { name: AVAILABILITY_EXCEPTION_MODEL, schema: AvailabilityExceptionSchema },
      { name: SEAT_CLAIM_MODEL, schema: SeatClaimSchema },
      { name: DAY_CLAIM_MODEL, schema: DayClaimSchema },
    ]),
  ],
  controllers: [AvailabilityController],
  providers: [
    AvailabilitySource,
    StrandGuard,
    AvailabilityRulesService,
    AvailabilityExceptionsService,
    SlotsService,
    { provide: SlotCatalog, useClass: AvailabilitySlotCatalog },
  ],
  exports: [SlotCatalog, MongooseModule, SlotsService, AvailabilitySource],
})
export class AvailabilityModule {}
