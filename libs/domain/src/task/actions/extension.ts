import type { WorkingCalendar } from '../../calendar/working-calendar';
import { text } from '../../common/checks';
import { MAX_EXTENSION_WORKING_DAYS, MAX_REASON_LENGTH } from '../../limits';
import { forbidden, invalid, Refusal, wrongPhase } from '../../programme/refusal';
import { requireStatus, WORKING } from '../task-checks';
import { isAssigner, onlyResponsible } from '../task-permissions';
import { DEFAULT_WORKING_CALENDAR, dueInWorkingDays } from '../task-schedule';
import { type ExtensionRequest, type TaskState, TaskStatus } from '../task-state';
import type { TaskActionRules } from './task-action-rule';

/** Moving the due date: the responsible person asks, the assigner decides. */
export interface ExtensionPayloads {
  /** Either a new due date-time, or a number of working days added to the current due date. */
  requestExtension: { newDueAt?: string; extendByWorkingDays?: number; reason: string };
  decideExtension: { approve: boolean; reason: string };
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The due date an extension request asks for, or a refusal. */
export function requestedDueAt(
  s: TaskState,
  p: ExtensionPayloads['requestExtension'],
  now: Date,
  cal: WorkingCalendar = DEFAULT_WORKING_CALENDAR,
): Date | Refusal {
  const hasDate = p.newDueAt !== undefined;
  const hasDays = p.extendByWorkingDays !== undefined;
  if (hasDate === hasDays) return invalid('give either newDueAt or extendByWorkingDays');
  let due: Date;
  if (hasDate) {
    if (typeof p.newDueAt !== 'string' || !DATE_TIME.test(p.newDueAt) || Number.isNaN(Date.parse(p.newDueAt)))
      return invalid('newDueAt must be a date-time such as 2026-03-31T17:00:00+07:00');
    const day = p.newDueAt.slice(0, 10);
    if (new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) !== day)
      return invalid(`newDueAt ${p.newDueAt} is not a real date`);
    due = new Date(p.newDueAt);
  } else {
    const n = p.extendByWorkingDays;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > MAX_EXTENSION_WORKING_DAYS)
      return invalid(`extendByWorkingDays must be a whole number from 1 to ${MAX_EXTENSION_WORKING_DAYS}`);
    due = dueInWorkingDays(new Date(s.dueAt), n, cal);
  }
  if (due.getTime() <= Date.parse(s.dueAt))
    return invalid(`the new due date must be later than the current one (${s.dueAt})`);
  if (due.getTime() <= now.getTime()) return invalid('the new due date must be in the future');
  return due;
}

/** The extension request waiting for a decision, if any. */
export function pendingExtension(s: TaskState): ExtensionRequest | null {
  const last = s.extensions[s.extensions.length - 1];
  return last && last.decision === null ? last : null;
}

const isRefusal = (v: unknown): v is Refusal => typeof v === 'object' && v !== null && 'kind' in v && 'reason' in v;

export const extensionActions: TaskActionRules<ExtensionPayloads> = {
  requestExtension: {
    permits: (s, actor) =>
      onlyResponsible(s, actor) ??
      requireStatus(s, 'requesting an extension', [TaskStatus.ASSIGNED, ...WORKING]) ??
      (pendingExtension(s) ? wrongPhase('an extension request is already waiting for a decision') : null),
    validate: (s, _actor, p, now, cal) => {
      const bad = text(p.reason, 'reason', MAX_REASON_LENGTH);
      if (bad) return bad;
      const due = requestedDueAt(s, p, now, cal);
      return isRefusal(due) ? due : null;
    },
    apply: ({ s, now, cal, at, by, audit, notify }, p) => {
      const due = requestedDueAt(s, p, now, cal) as Date;
      s.extensions.push({ by, at, fromDueAt: s.dueAt, newDueAt: due.toISOString(), reason: p.reason, decision: null });
      return [
        audit({ newDueAt: due.toISOString(), reason: p.reason }, { dueAt: s.dueAt }),
        notify('EXTENSION_REQUESTED', [s.setup.assignerId], { newDueAt: due.toISOString(), reason: p.reason }),
      ];
    },
  },

  decideExtension: {
    permits: (s, actor) =>
      (isAssigner(s, actor) ? null : forbidden('only the person who assigned the task decides on an extension')) ??
      (pendingExtension(s) ? null : wrongPhase('no extension request is waiting for a decision')),
    form: () => ({
      prefill: { approve: true },
      choices: {
        approve: [
          { value: true, label: 'Đồng ý gia hạn' },
          { value: false, label: 'Không đồng ý' },
        ],
      },
    }),
    validate: (_s, _actor, p) => {
      if (typeof p.approve !== 'boolean') return invalid('approve must be true or false');
      return text(p.reason, 'reason', MAX_REASON_LENGTH);
    },
    apply: ({ s, at, by, audit, notify }, p) => {
      const ext = pendingExtension(s)!;
      ext.decision = { approve: p.approve, reason: p.reason, by, at };
      const was = s.dueAt;
      if (p.approve) {
        s.dueAt = ext.newDueAt;
        s.dueSetAt = at;
        s.dueSeq += 1;
      }
      return [
        audit({ approve: p.approve, dueAt: s.dueAt, reason: p.reason }, { dueAt: was }),
        notify('EXTENSION_DECIDED', [s.responsiblePersonId], { approve: p.approve ? 'yes' : 'no', reason: p.reason }),
      ];
    },
  },
};
