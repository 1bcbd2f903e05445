import { Injectable } from '@nestjs/common';
import { DoctorProfilesService } from '../directory/doctor-profiles.service';
import { SlotCatalog, parseSlotId, type BookableSlot } from '../appointments/slot-catalog';
import { SlotsService } from './slots.service';

const DAY_MS = 86_400_000;
const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Booking's view of availability: a slot id resolves only to a slot an active doctor offers now. */
@Injectable()
export class AvailabilitySlotCatalog extends SlotCatalog {
  constructor(
    private readonly profiles: DoctorProfilesService,
    private readonly slots: SlotsService,
  ) {
    super();
  }

  async find(slotId: string, now: Date): Promise<BookableSlot | null> {
    const parsed = parseSlotId(slotId);
    if (!parsed) return null;
    const doctor = await this.profiles.findActive(parsed.doctorId);
    if (!doctor) return null;
    const at = parsed.start.getTime();
    const slot = (await this.slots.expand(doctor, isoDate(at - DAY_MS), isoDate(at + DAY_MS), now)).find(
      (s) => s.id === slotId,
    );
    if (!slot) return null;
    return {
      slot,
      doctor: {
        id: doctor._id,
        organisationId: doctor.organisationId,
        requiresConfirmation: doctor.requiresConfirmation,
        allowDirectBooking: doctor.allowDirectBooking,
      },
    };
  }
}
