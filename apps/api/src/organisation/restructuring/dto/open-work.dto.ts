import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { KEY, KEY_MESSAGE } from '../../dto/organisation.dto';

export class OpenWorkParams {
  @ApiProperty({ description: 'the unit whose open work (e.g. hg-skhdt)' })
  @IsString()
  @Length(1, 64)
  @Matches(KEY, { message: KEY_MESSAGE('id') })
  id: string;
}
