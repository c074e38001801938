import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsString, MaxLength, ValidateNested } from 'class-validator';

/** Shape only; the domain validator checks the dates and their rules and lists every problem. */
export class CalendarDayDto {
  @ApiProperty({ example: '2027-02-06', description: 'YYYY-MM-DD, in the year being saved' })
  @IsString()
  @MaxLength(10)
  date: string;

  @ApiProperty({ example: 'Tết Nguyên đán (mùng 1)', description: 'shown to users, in Vietnamese' })
  @IsString()
  @MaxLength(200)
  name: string;
}

/** One year of the working-day table; the year itself comes from the path. */
export class CalendarYearDto {
  @ApiProperty({ type: [CalendarDayDto], description: 'public holidays (ngày nghỉ lễ, Tết); may fall on a weekend' })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => CalendarDayDto)
  holidays: CalendarDayDto[];

  @ApiProperty({ type: [CalendarDayDto], description: 'weekdays given off (ngày nghỉ bù, hoán đổi)' })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => CalendarDayDto)
  substituteDaysOff: CalendarDayDto[];

  @ApiProperty({ type: [CalendarDayDto], description: 'Saturdays or Sundays worked instead (ngày làm bù)' })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => CalendarDayDto)
  makeUpWorkingDays: CalendarDayDto[];
}
