import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Length } from 'class-validator';

export class AllowlistEntryDto {
  @ApiProperty({
    example: 'https://hooks.haugiang.gov.vn/notifications/',
    description: 'http(s) URL prefix webhooks may be sent to',
  })
  @IsString()
  @Length(8, 500)
  urlPrefix: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(0, 500)
  note?: string;
}

export class UnitWebhookDto {
  @ApiProperty({ example: 'https://hooks.haugiang.gov.vn/notifications/skhdt' })
  @IsString()
  @Length(8, 500)
  url: string;

  @ApiProperty({ description: 'HMAC-SHA256 key shared with the receiver; stored, never returned', minLength: 32 })
  @IsString()
  @Length(32, 256)
  secret: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
