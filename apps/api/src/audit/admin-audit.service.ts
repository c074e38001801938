import { ForbiddenException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AdminAuditEntity } from '@app/persistence';
import { AccessService } from '../access';
import type { Principal } from '../auth/principal';
import { periodBound } from './audit-period';
import { AUDIT_READERS_ONLY, auditReadScope } from './audit-readers';
import type { AdminAuditQuery } from './dto/admin-audit.query';

export interface AuditPage {
  items: AdminAuditEntity[];
  /** The cursor of the next (older) page, or null when this one is the last. */
  nextCursor: string | null;
}

/** Reads the audit of acts: newest first, by keyset (the id), so a page costs the same at any depth. */
@Injectable()
export class AdminAuditService {
  constructor(
    @InjectRepository(AdminAuditEntity) private readonly rows: Repository<AdminAuditEntity>,
    private readonly access: AccessService,
  ) {}

  async page(principal: Principal, q: Omit<AdminAuditQuery, 'limit'>, limit: number): Promise<AuditPage> {
    const scope = auditReadScope(principal, await this.access.scope(principal));
    if (!scope) throw new ForbiddenException(AUDIT_READERS_ONLY);
    const query = this.rows
      .createQueryBuilder('a')
      .orderBy('a.id', 'DESC')
      .limit(limit + 1);
    if (scope.kind === 'UNITS') query.andWhere('a.unitId = ANY(:units)', { units: scope.unitIds });
    if (scope.kind === 'UNITS' && scope.acts) query.andWhere('a.act = ANY(:scopeActs)', { scopeActs: scope.acts });
    if (q.act) query.andWhere('a.act = :act', { act: q.act });
    if (q.person) query.andWhere('(a.personId = :person OR a.username = :person)', { person: q.person });
    if (q.from) query.andWhere('a.occurredAt >= :from', { from: periodBound(q.from, 'from') });
    if (q.to) query.andWhere('a.occurredAt < :to', { to: periodBound(q.to, 'to') });
    if (q.outcome) query.andWhere(q.outcome === 'succeeded' ? 'a.status < 400' : 'a.status >= 400');
    if (q.cursor) query.andWhere('a.id < :cursor', { cursor: q.cursor });
    const rows = await query.getMany();
    const items = rows.slice(0, limit);
    return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
  }
}
