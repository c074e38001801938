import { ApiEnum } from '../openapi/schema-props';

/** What anyone may know of the API's health: up or down, nothing about what is behind it. */
export class HealthStatusResponse {
  @ApiEnum(['up', 'down']) status: 'up' | 'down';
}
