import { Module } from '@nestjs/common';
import { AccessModule } from '../access';
import { InboxController } from './inbox.controller';
import { InboxService } from './inbox.service';

@Module({ imports: [AccessModule], controllers: [InboxController], providers: [InboxService] })
export class InboxModule {}
