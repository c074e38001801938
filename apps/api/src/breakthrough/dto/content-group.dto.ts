import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { MAX_CODE_LENGTH, MAX_TITLE_LENGTH } from '@app/domain';

/** A content group (nhóm nội dung) registrations are grouped by. */
export class ContentGroupDto {
  @ApiProperty({ example: 'MOI-TRUONG-DAU-TU' })
  @IsString()
  @Length(1, MAX_CODE_LENGTH)
  code: string;

  @ApiProperty({ example: 'Cải thiện môi trường đầu tư, kinh doanh' })
  @IsString()
  @Length(1, MAX_TITLE_LENGTH)
  title: string;
}
