import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn } from 'class-validator';
import { PERSON_CHANNELS, PersonChannel } from '@app/notifications';

export const LANGUAGES = ['vi', 'en'] as const;

export class NotificationPreferencesDto {
  @ApiProperty({ enum: LANGUAGES, description: 'language of notifications' })
  @IsIn(LANGUAGES, { message: `locale must be one of ${LANGUAGES.join(', ')}` })
  locale: (typeof LANGUAGES)[number];

  @ApiProperty({
    enum: PERSON_CHANNELS,
    isArray: true,
    description: 'how to be told; [] turns notifications off except webhooks of your unit',
  })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(PERSON_CHANNELS.length)
  @IsIn(PERSON_CHANNELS, { each: true, message: `channels must be among ${PERSON_CHANNELS.join(', ')}` })
  channels: PersonChannel[];
}
