import { Module } from '@nestjs/common';
import { AccessService } from './access.service';

/** Who may see or act on what: every feature module that reads or acts on shared data imports this. */
@Module({ providers: [AccessService], exports: [AccessService] })
export class AccessModule {}
