import { ApiProperty } from '@nestjs/swagger';
import {
  AppointmentStatus,
  CallPreference,
  CancelledBy,
  ConsultationMode,
  PaymentStatus,
  type AppointmentView,
} from '@telehealth/contracts';
import { DateTimeField, EnumField, OpaqueField, PhoneField, TextField, UuidField } from '../../../common/http/fields';
import { MoneyDto, PageQueryDto } from '../../../common/openapi/common.dto';

export class BookAppointmentDto {
  @OpaqueField({ max: 120, description: 'A slot id from GET /v1/doctors/{id}/slots' }) slotId: string;
  @EnumField(ConsultationMode) mode: ConsultationMode;
  @UuidField({ optional: true, description: 'Required for IN_CLINIC: the clinic of the slot' }) clinicId?: string;
  @UuidField({ optional: true, description: 'Book for one of your dependents' }) dependentId?: string;
  @TextField({ optional: true, max: 500 }) reason?: string;
  @TextField({ optional: true, max: 2000 }) symptoms?: string;
  @PhoneField({ optional: true, description: 'Required for ONLINE' }) contactNumber?: string;
  @EnumField(CallPreference, { optional: true, description: 'Required for ONLINE' }) callPreference?: CallPreference;
  @EnumField(['WALLET', 'CARD'], {
    optional: true,
    description:
      'WALLET (default): the fee is held on your wallet. CARD: pay at the checkoutUrl of GET /v1/payments?appointmentId=',
  })
  paymentMethod?: 'WALLET' | 'CARD';
}

export class RescheduleDto {
  @OpaqueField({ max: 120, description: 'Another slot of the same doctor' }) slotId: string;
}

export class TransitionDto {
  @TextField({ optional: true, max: 500 }) reason?: string;
}

export class AppointmentQueryDto extends PageQueryDto {
  @EnumField(AppointmentStatus, { optional: true }) status?: AppointmentStatus;
  @UuidField({ optional: true }) doctorId?: string;

  @DateTimeField({ optional: true, description: 'Starts at or after' }) from?: string;
  @DateTimeField({ optional: true, description: 'Starts before' }) to?: string;
}

class PaymentDto {
  @ApiProperty({ enum: PaymentStatus }) status: PaymentStatus;
  @ApiProperty({ type: MoneyDto }) amount: MoneyDto;
  @ApiProperty() coveredByInsurance: boolean;
  @ApiProperty({ nullable: true, type: String }) reference: string | null;
  @ApiProperty({ enum: ['WALLET', 'CARD'] }) method: 'WALLET' | 'CARD';
}

class CancellationDto {
  @ApiProperty({ enum: CancelledBy }) by: CancelledBy;
  @ApiProperty() reason: string;
  @ApiProperty({ format: 'date-time' }) at: string;
}

export class AppointmentDto implements AppointmentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'APT20250928001234' }) number: string;
  @ApiProperty({ format: 'uuid' }) patientId: string;
  @ApiProperty({ nullable: true, type: String }) dependentId: string | null;
  @ApiProperty({ format: 'uuid' }) doctorId: string;
  @ApiProperty({ nullable: true, type: String }) clinicId: string | null;
  @ApiProperty({ enum: ConsultationMode }) mode: ConsultationMode;
  @ApiProperty() slotId: string;
  @ApiProperty({ format: 'date-time' }) start: string;
  @ApiProperty({ format: 'date-time' }) end: string;
  @ApiProperty({ example: 'Africa/Lagos' }) timeZone: string;
  @ApiProperty({ enum: AppointmentStatus }) status: AppointmentStatus;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ nullable: true, type: String }) symptoms: string | null;
  @ApiProperty({ nullable: true, type: String }) contactNumber: string | null;
  @ApiProperty({ nullable: true, enum: CallPreference }) callPreference: CallPreference | null;
  @ApiProperty({ nullable: true, type: String, example: 'room-3f1c…' }) roomId: string | null;
  @ApiProperty({ type: PaymentDto }) payment: PaymentDto;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) holdExpiresAt: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description:
      'While PENDING_CONFIRMATION: when the request is declined unless the doctor answers (the fee is then released).',
  })
  confirmBy: string | null;
  @ApiProperty({
    nullable: true,
    type: CancellationDto,
    description:
      'Why it was cancelled, or declined by the system (`by: SYSTEM`) when the doctor did not answer in time',
  })
  cancellation: CancellationDto | null;
  @ApiProperty({ description: 'A prescription was issued for it' }) hasPrescription: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The first prescription issued for it' })
  prescriptionId: string | null;
  @ApiProperty({ description: 'Number of changes so far' }) version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}
