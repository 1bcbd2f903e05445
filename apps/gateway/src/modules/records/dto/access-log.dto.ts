import { ApiProperty } from '@nestjs/swagger';
import { ClinicalReader, ClinicalResourceKind, type AccessLogEntryView } from '@telehealth/contracts';

export class AccessLogEntryDto implements AccessLogEntryView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "The dependent whose data was read; null: the holder's own",
  })
  dependentId: string | null;
  @ApiProperty({ enum: ClinicalResourceKind, enumName: 'ClinicalResourceKind' }) kind: ClinicalResourceKind;
  @ApiProperty() resourceId: string;
  @ApiProperty({ description: 'The user who read it' }) readerId: string;
  @ApiProperty({ enum: ClinicalReader, enumName: 'ClinicalReader' }) readerRole: ClinicalReader;
  @ApiProperty({ type: String, nullable: true, description: "An admin's stated reason (break glass)" })
  reason: string | null;
  @ApiProperty({ description: 'An admin read it with a stated reason' }) breakGlass: boolean;
  @ApiProperty({ format: 'date-time' }) at: string;
}
