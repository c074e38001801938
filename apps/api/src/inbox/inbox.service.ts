import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { NotificationEntity, PersonEntity } from '@app/persistence';
import { AccessService } from '../access';
import type { Principal } from '../auth/principal';

/** A person's in-app notifications (only those the access rules give them) and their own preferences. */
@Injectable()
export class InboxService {
  constructor(
    @InjectRepository(NotificationEntity) private readonly notifications: Repository<NotificationEntity>,
    @InjectRepository(PersonEntity) private readonly people: Repository<PersonEntity>,
    private readonly access: AccessService,
  ) {}

  async list(p: Principal, limit: number, offset: number, unreadOnly: boolean) {
    const where = { ...this.access.notificationsOf(p), ...(unreadOnly ? { readAt: IsNull() } : {}) };
    const [items, total] = await this.notifications.findAndCount({
      where,
      order: { createdAt: 'DESC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
    return { items, total, limit, offset };
  }

  async unreadCount(p: Principal): Promise<{ unread: number }> {
    return {
      unread: await this.notifications.count({ where: { ...this.access.notificationsOf(p), readAt: IsNull() } }),
    };
  }

  async markRead(p: Principal, id: string): Promise<void> {
    const mine = this.access.notificationsOf(p);
    const result = await this.notifications.update({ id, ...mine, readAt: IsNull() }, { readAt: new Date() });
    if (!result.affected && !(await this.notifications.exist({ where: { id, ...mine } })))
      throw new NotFoundException('no such notification in your inbox');
  }

  async markAllRead(p: Principal): Promise<{ marked: number }> {
    const result = await this.notifications.update(
      { ...this.access.notificationsOf(p), readAt: IsNull() },
      { readAt: new Date() },
    );
    return { marked: result.affected ?? 0 };
  }

  async preferences(personId: string): Promise<{ locale: string; channels: string[]; email: string | null }> {
    const p = await this.people.findOneByOrFail({ id: personId });
    return { locale: p.locale, channels: p.notificationChannels, email: p.email };
  }

  async setPreferences(personId: string, locale: string, channels: string[]) {
    await this.people.update({ id: personId }, { locale, notificationChannels: channels });
    return this.preferences(personId);
  }
}
