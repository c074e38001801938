import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiError } from '../openapi/error.response';
import { AuthService } from './auth.service';
import { LoginResponse, PrincipalResponse } from './dto/auth.response';
import { LoginDto } from './login.dto';
import { CurrentPrincipal, Principal } from './principal';
import { Public } from './public.decorator';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in; returns a bearer token and who you are' })
  @ApiOkResponse({ type: LoginResponse })
  @ApiError(401, 'wrong username or password, or the account is disabled')
  login(@Body() dto: LoginDto) {
    return this.auth.login(dto.username, dto.password);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The authenticated person' })
  @ApiOkResponse({ type: PrincipalResponse })
  me(@CurrentPrincipal() principal: Principal) {
    return principal;
  }
}
