import 'reflect-metadata';
import { Body, Param } from '@nestjs/common';
import { ApiBody } from '@nestjs/swagger';
import { needsBody } from './required-body.interceptor';

class ChangeDto {
  name?: string;
}

class SomeController {
  change(@Param('id') _id: string, @Body() _dto: ChangeDto) {}
  @ApiBody({ type: ChangeDto, required: false })
  optional(@Body() _dto: ChangeDto) {}
  untyped(@Body() _body: unknown) {}
  field(@Body('name') _name: string) {}
  none(@Param('id') _id: string) {}
}

describe('needsBody', () => {
  const of = (name: keyof SomeController) => needsBody(SomeController, SomeController.prototype[name]);

  it('is true for a whole body of a declared class', () => {
    expect(of('change')).toBe(true);
  });

  it('is false for a body documented as optional, an untyped body, one body field, or no body', () => {
    expect([of('optional'), of('untyped'), of('field'), of('none')]).toEqual([false, false, false, false]);
  });
});
