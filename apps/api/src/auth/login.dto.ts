import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'bithu.hg' })
  @IsString()
  @Length(1, 100)
  username: string;

  @ApiProperty({ example: 'demo-password' })
  @IsString()
  @Length(1, 200)
  password: string;

  @ApiPropertyOptional({
    enum: ['token', 'cookie'],
    default: 'token',
    description:
      'token: the tokens in the answer (API clients). cookie: the session in HttpOnly cookies, no token in the answer, a csrfToken to echo in X-CSRF-Token (browsers).',
  })
  @IsOptional()
  @IsIn(['token', 'cookie'])
  session?: 'token' | 'cookie';
}

export class RefreshDto {
  @ApiPropertyOptional({
    description: 'The refresh token from the last login or refresh; omit to use the session cookie',
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  refreshToken?: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @Length(1, 200)
  currentPassword: string;

  @ApiProperty({ description: '12 to 128 characters, not the username, not a common password' })
  @IsString()
  @MaxLength(1000)
  newPassword: string;
}

export class PasswordResetDto {
  @ApiPropertyOptional({ description: 'The temporary password to set; omit to have one generated' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  temporaryPassword?: string;
}
