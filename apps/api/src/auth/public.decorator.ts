import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

export const IS_PUBLIC = 'isPublic';
/** Marks a route that needs no token (login, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const ALLOWED_BEFORE_PASSWORD_CHANGE = 'allowedBeforePasswordChange';
/** Tells the OpenAPI document which routes the guard lets through before a password change (read, then removed). */
export const ALLOWED_BEFORE_PASSWORD_CHANGE_EXTENSION = 'x-allowed-before-password-change';
/** Marks the few routes a person whose password was reset may still call (who am I, change it). */
export const AllowedBeforePasswordChange = () =>
  applyDecorators(
    SetMetadata(ALLOWED_BEFORE_PASSWORD_CHANGE, true),
    ApiExtension(ALLOWED_BEFORE_PASSWORD_CHANGE_EXTENSION, true),
  );
