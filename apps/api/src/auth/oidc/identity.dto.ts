import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUrl, Length, Matches, MaxLength } from 'class-validator';

export class LinkIdentityDto {
  @ApiProperty({
    description: "the provider's subject (`sub`) of the account, exactly as its ID tokens carry it",
    example: '248289761001',
  })
  @IsString()
  @Length(1, 255)
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  @Matches(/^[^\u0000-\u001f\u007f]+$/, { message: 'subject must not contain control characters' })
  subject: string;

  @ApiPropertyOptional({ description: 'the issuer URL of the provider; omit for the configured OIDC_ISSUER' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true, require_tld: false })
  issuer?: string;
}
