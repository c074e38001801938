import { BadRequestException, ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import {
  isWebhookUrlAllowed,
  normaliseAllowlistEntry,
  resolveWebhookTarget,
  webhookTargetPolicy,
  WebhookTargetPolicy,
} from '@app/notifications';
import { OrgUnitEntity, UnitWebhookEntity, WebhookAllowlistEntryEntity } from '@app/persistence';
import { API_CONFIG, ApiConfig } from '../api.config';

/** Which addresses webhooks may go to, and each unit's webhook. Secrets go in, never out. */
@Injectable()
export class WebhookSettingsService {
  private readonly policy: WebhookTargetPolicy;

  constructor(
    @InjectRepository(WebhookAllowlistEntryEntity) private readonly allowlist: Repository<WebhookAllowlistEntryEntity>,
    @InjectRepository(UnitWebhookEntity) private readonly webhooks: Repository<UnitWebhookEntity>,
    @InjectRepository(OrgUnitEntity) private readonly units: Repository<OrgUnitEntity>,
    @Inject(API_CONFIG) config: ApiConfig,
  ) {
    this.policy = webhookTargetPolicy(config);
  }

  listAllowlist() {
    return this.allowlist.find({ order: { urlPrefix: 'ASC' } });
  }

  async allow(rawPrefix: string, note: string | undefined, adminId: string) {
    let urlPrefix: string;
    try {
      urlPrefix = normaliseAllowlistEntry(rawPrefix);
    } catch (err) {
      throw new BadRequestException((err as Error).message);
    }
    if (await this.allowlist.exist({ where: { urlPrefix } }))
      throw new ConflictException(`${urlPrefix} is already on the allowlist`);
    await this.assertReachableAddress(urlPrefix);
    return this.allowlist.save(this.allowlist.create({ urlPrefix, note: note ?? null, createdBy: adminId }));
  }

  async disallow(id: string): Promise<void> {
    const result = await this.allowlist.delete({ id });
    if (!result.affected) throw new NotFoundException('no such allowlist entry');
  }

  listWebhooks() {
    return this.webhooks.find({ order: { unitId: 'ASC' } });
  }

  async setWebhook(unitId: string, url: string, secret: string, active: boolean, adminId: string) {
    if (!(await this.units.exist({ where: { id: unitId } }))) throw new NotFoundException(`no unit ${unitId}`);
    const entries = (await this.allowlist.find()).map((e) => e.urlPrefix);
    if (!isWebhookUrlAllowed(url, entries))
      throw new BadRequestException(`${url} is not on the webhook allowlist; add its prefix first`);
    // Checked again although its prefix passed: the host's DNS records may have changed since.
    await this.assertReachableAddress(url);
    await this.webhooks.upsert({ unitId, url, secret, active, updatedBy: adminId }, ['unitId']);
    return this.webhooks.findOneByOrFail({ unitId });
  }

  async removeWebhook(unitId: string): Promise<void> {
    const result = await this.webhooks.delete({ unitId });
    if (!result.affected) throw new NotFoundException(`unit ${unitId} has no webhook`);
  }

  /** The same address policy the notifier applies at every send, so a URL it would refuse is not saved. */
  private async assertReachableAddress(url: string): Promise<void> {
    try {
      await resolveWebhookTarget(url, this.policy);
    } catch (err) {
      throw new BadRequestException(`webhook address refused: ${(err as Error).message}`);
    }
  }
}
