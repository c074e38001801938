import { Module } from '@nestjs/common';
import { AccessModule } from '../access';
import { FieldGroupsController } from './field-groups.controller';
import { FieldGroupsService } from './field-groups.service';

/** Each province's managed list of field groups and their supervising Standing Committee members. */
@Module({
  imports: [AccessModule],
  controllers: [FieldGroupsController],
  providers: [FieldGroupsService],
})
export class FieldGroupsModule {}
