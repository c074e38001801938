/**
 * The runtime the programme, task and breakthrough-cycle workflows share. A workflow supplies its
 * state, its timers (a pure function of the state), how its effects become records and how it
 * publishes them; the runtime owns the rest:
 * - the timer table: the earliest timer not fired yet is waited for; a fired key never fires again,
 *   across continue-as-new too;
 * - the effect queue: every effect takes the next sequence number, so its key (the idempotency key
 *   of its audit row or notification job) is the same on replay and in every later run;
 * - flushing: records reach the projection activity in batches of 100;
 * - the main loop, and once the history is long: let handlers finish, drain, continue as new.
 * Deterministic: time is the workflow clock, I/O happens in the workflow's activities.
 */
import {
  ActivityOptions,
  allHandlersFinished,
  condition,
  patched,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import { runChainQuery } from './projection-input';
import type { ProjectionInput, RunChain } from './projection-input';

/**
 * Patch: effect keys and projected versions name the workflow's run chain, so a second workflow
 * under an id used before (a fresh Temporal on the same database, an id reused) has effects of its own.
 */
export const PATCH_CHAIN_KEYS = 'effect-keys-per-chain';

const DEFAULT_CONTINUE_AS_NEW_AFTER = 2000;
/** How the workflows here call their activities: retried (with backoff) until they succeed. */
export const ACTIVITY_OPTIONS: ActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
};
/** Records per projection call: bounds an activity's input (and so the history) whatever a step did. */
const MAX_BATCH = 100;

/** A durable timer of a workflow: unique key, due instant (epoch ms). */
export interface KeyedTimer {
  key: string;
  at: number;
}

/** What a run hands the next one on continue-as-new. */
export interface CarriedRun<S> {
  state: S;
  firedTimerKeys: string[];
  effectSeq: number;
  runs: number;
  /** The run chain (absent in runs carried by histories recorded before `effect-keys-per-chain`). */
  chain?: RunChain;
}

/** The first run of a workflow: nothing fired, no effect yet. */
export function firstRun<S>(state: S): CarriedRun<S> {
  return { state, firedTimerKeys: [], effectSeq: 0, runs: 1 };
}

/** An effect as the domain returns it: a row for the history, or someone to tell. */
export interface DomainEffect {
  type: 'audit' | 'notify';
}

/** One batch for the projection activity, with the run chain it comes from. */
export type Changes<R, N> = Pick<ProjectionInput<R, N>, 'events' | 'notifications' | 'chain'>;

/** Work a workflow does besides publishing (starting children, reporting to its parent). */
export interface FollowUp {
  /** Returns the work's own promise: no extra `await` layer, so the commands keep their order. */
  run(): Promise<void>;
  /** Whether work is waiting; draining before continue-as-new goes on until none is. */
  pending?(): boolean;
}

/** How a workflow's effects become the keyed records its projection writes. */
export interface EffectRecords<E extends DomainEffect, R, N> {
  /** The idempotency key of the effect with this sequence number. */
  effectKey(seq: number): string;
  toEvent(effect: Extract<E, { type: 'audit' }>, key: string, occurredAt: string): R;
  /** The notification to ask for, or null when nobody is to be told (the number is spent anyway). */
  toNotification(effect: Extract<E, { type: 'notify' }>, key: string, occurredAt: string): N | null;
}

export interface RuntimeSpec<
  S extends { version: number },
  E extends DomainEffect,
  T extends KeyedTimer,
  R,
  N,
> extends EffectRecords<E, R, N> {
  carried: CarriedRun<S>;
  /** A new workflow publishes its state at once; a continued run only once something changes. */
  publishAtStart: boolean;
  /** Every timer the state calls for now, fired or not (fired keys are left out here). */
  timers(): T[];
  fire(timer: T, now: Date): E[];
  /** Calls the projection activity (returning its promise). */
  publish(changes: Changes<R, N>): Promise<void>;
  /** After each publish, flushing going on while it has work: the cycle starts its tasks there. */
  afterPublish?: FollowUp;
  /** After each flush: the programme starts its task children, a task reports its outcome. */
  afterFlush?: FollowUp;
  isFinished(): boolean;
  /** History length that triggers continue-as-new (tests use small values). */
  continueAsNewAfterEvents?: number;
  /** Continues as new with the workflow's input carrying `next`. */
  continueAsNew(next: CarriedRun<S>): Promise<never>;
}

export class WorkflowRuntime<S extends { version: number }, E extends DomainEffect, T extends KeyedTimer, R, N> {
  readonly state: S;
  private readonly fired: Set<string>;
  private effectSeq: number;
  private readonly events: R[] = [];
  private readonly notifications: N[] = [];
  private projectionDirty: boolean;
  private readonly continueAsNewAfter: number;
  /** Null only while replaying a run recorded before the patch: its keys stay as they were. */
  private readonly chain: RunChain | null;

  constructor(private readonly spec: RuntimeSpec<S, E, T, R, N>) {
    this.chain = spec.carried.chain ?? thisChain();
    // A query: not recorded, so adding it changes no history.
    setHandler(runChainQuery, () => this.chain);
    this.state = spec.carried.state;
    this.fired = new Set(spec.carried.firedTimerKeys);
    this.effectSeq = spec.carried.effectSeq;
    this.projectionDirty = spec.publishAtStart;
    this.continueAsNewAfter = spec.continueAsNewAfterEvents ?? DEFAULT_CONTINUE_AS_NEW_AFTER;
  }

  /** This run's number in the chain (1 for the first). */
  get runs(): number {
    return this.spec.carried.runs;
  }

  /** Keys and records the effects for the next flush; the state counts as changed either way. */
  queue(effects: E[], now = new Date()): void {
    const occurredAt = now.toISOString();
    for (const effect of effects) {
      this.effectSeq += 1;
      const seqKey = this.spec.effectKey(this.effectSeq);
      const key = this.chain ? `${seqKey}/${this.chain.runId}` : seqKey;
      if (effect.type === 'audit') {
        this.events.push(this.spec.toEvent(effect as Extract<E, { type: 'audit' }>, key, occurredAt));
      } else {
        const notification = this.spec.toNotification(effect as Extract<E, { type: 'notify' }>, key, occurredAt);
        if (notification !== null) this.notifications.push(notification);
      }
    }
    this.projectionDirty = true;
  }

  /** Timers still to fire, earliest first (ties by key). */
  pendingTimers(): T[] {
    return this.spec
      .timers()
      .filter((t) => !this.fired.has(t.key))
      .sort((a, b) => a.at - b.at || a.key.localeCompare(b.key));
  }

  historyIsLong(): boolean {
    const info = workflowInfo();
    return info.continueAsNewSuggested || info.historyLength >= this.continueAsNewAfter;
  }

  /** For signal handlers: once the history is long, a change must wake the loop so it continues as new. */
  wakeIfHistoryIsLong(): void {
    if (this.historyIsLong()) this.state.version += 1;
  }

  /**
   * Runs the workflow until it finishes, or continues as new when its history is long. Each step
   * (fire due timers, flush, follow-ups) is written out where it runs rather than in a helper: an
   * extra async layer would move when later commands are issued against update completions
   * arriving in the same activation, and recorded histories would stop replaying.
   */
  async run(): Promise<void> {
    for (;;) {
      this.fireDueTimers();
      await this.flush();
      if (this.spec.afterFlush) await this.spec.afterFlush.run();
      if (this.spec.isFinished()) break;
      if (this.historyIsLong()) {
        // Let running update handlers finish and publish what they changed before moving on.
        await condition(allHandlersFinished);
        // Nothing may be left behind: a handler can run while the follow-ups await.
        do {
          this.fireDueTimers();
          await this.flush();
          if (this.spec.afterFlush) await this.spec.afterFlush.run();
        } while (this.hasPendingWork());
        if (!this.spec.isFinished()) {
          const carried = {
            state: this.state,
            firedTimerKeys: [...this.fired],
            effectSeq: this.effectSeq,
            runs: this.runs + 1,
            ...(this.chain ? { chain: this.chain } : {}),
          };
          return this.spec.continueAsNew(carried);
        }
        break;
      }
      const next = this.pendingTimers()[0];
      const seenVersion = this.state.version;
      if (!next) await condition(() => this.state.version !== seenVersion);
      else await condition(() => this.state.version !== seenVersion, Math.max(next.at - Date.now(), 1));
    }
    await condition(allHandlersFinished);
    await this.flush();
    if (this.spec.afterFlush) await this.spec.afterFlush.run();
  }

  private fireDueTimers(): void {
    for (;;) {
      const now = new Date();
      const next = this.pendingTimers()[0];
      if (!next || next.at > now.getTime()) return;
      this.fired.add(next.key);
      this.queue(this.spec.fire(next, now), now);
      this.state.version += 1;
    }
  }

  /** Publishes until nothing is pending (handlers may change more while it awaits). */
  private async flush(): Promise<void> {
    const afterPublish = this.spec.afterPublish;
    while (this.projectionDirty || this.events.length || this.notifications.length || afterPublish?.pending?.()) {
      this.projectionDirty = false;
      const events = this.events.splice(0, MAX_BATCH);
      const notifications = this.notifications.splice(0, MAX_BATCH);
      await this.spec.publish({ events, notifications, ...(this.chain ? { chain: this.chain } : {}) });
      if (afterPublish) await afterPublish.run();
    }
  }

  private hasPendingWork(): boolean {
    return (
      this.projectionDirty ||
      this.events.length > 0 ||
      this.notifications.length > 0 ||
      !!this.spec.afterPublish?.pending?.() ||
      !!this.spec.afterFlush?.pending?.()
    );
  }
}

/**
 * The chain this run belongs to, for a run that carried none: its first run id and start. A run
 * replaying a history recorded before the patch gets null (and keeps the keys it issued).
 */
function thisChain(): RunChain | null {
  if (!patched(PATCH_CHAIN_KEYS)) return null;
  const info = workflowInfo();
  return { runId: info.firstExecutionRunId, startedAt: info.startTime.toISOString() };
}
