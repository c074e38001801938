import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { NotificationEntity, PersonEntity } from '@app/persistence';

/** A person's in-app notifications; every query is scoped to the caller. */
@Injectable()
export class InboxService {
  constructor(
    @InjectRepository(NotificationEntity) private readonly notifications: Repository<NotificationEntity>,
    @InjectRepository(PersonEntity) private readonly people: Repository<PersonEntity>,
  ) {}

  async list(personId: string, limit: number, offset: number, unreadOnly: boolean) {
    const where = { recipientId: personId, ...(unreadOnly ? { readAt: IsNull() } : {}) };
    const [items, total] = await this.notifications.findAndCount({
      where,
      order: { createdAt: 'DESC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
    return { items, total, limit, offset };
  }

  async unreadCount(personId: string): Promise<{ unread: number }> {
    return { unread: await this.notifications.count({ where: { recipientId: personId, readAt: IsNull() } }) };
  }

  async markRead(personId: string, id: string): Promise<void> {
    const result = await this.notifications.update(
      { id, recipientId: personId, readAt: IsNull() },
      { readAt: new Date() },
    );
    if (!result.affected && !(await this.notifications.exist({ where: { id, recipientId: personId } })))
      throw new NotFoundException('no such notification in your inbox');
  }

  async markAllRead(personId: string): Promise<{ marked: number }> {
    const result = await this.notifications.update({ recipientId: personId, readAt: IsNull() }, { readAt: new Date() });
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
