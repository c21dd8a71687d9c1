/** The active faults of one emulator, which requests they hit, and how often each fired. */
import { hash32, Random } from './data/random.js';
import type { OperationModel } from './description.js';
import { checkFaultSpec, type FaultKind, type FaultSpec } from './faults.js';

/** A fault in effect, with the operation its route names and its remaining count. */
export interface ActiveFault extends FaultSpec {
  id: string;
  /** The operationId the route resolved to, or undefined for every operation. */
  operationId: string | undefined;
  /** How many more times it fires, or undefined for no limit. */
  remaining: number | undefined;
}

/** How often faults of one kind fired on one operation. */
export interface FaultCount {
  kind: FaultKind;
  operationId: string;
  count: number;
}

/** The faults chosen for one request. */
export interface FaultPlan {
  /** Total delay of the fired latency faults. */
  latencyMs: number;
  /** A fault that replaces the response: an error status or a hang. */
  replace: ActiveFault | undefined;
  /** A fault that cuts the normal response short: `reset` or `truncate`. */
  cut: ActiveFault | undefined;
  /** Kinds of every fault that fired, for the request log. */
  fired: FaultKind[];
}

const REPLACING: ReadonlySet<FaultKind> = new Set(['server-error', 'bad-gateway', 'unavailable', 'rate-limit', 'hang']);
const FAULT_SALT = 0xfa017;

export class FaultRegistry {
  readonly #findOperation: (route: string) => OperationModel | undefined;
  readonly #random: Random;
  #active: ActiveFault[] = [];
  #counts = new Map<string, FaultCount>();
  #nextId = 1;

  constructor(seedHash: number, findOperation: (route: string) => OperationModel | undefined) {
    this.#findOperation = findOperation;
    this.#random = new Random(hash32(seedHash, FAULT_SALT));
  }

  /** Adds a fault after checking it. Throws a RangeError for an invalid spec or a route that matches no operation. */
  add(input: unknown): ActiveFault {
    const [added] = this.addAll([input]);
    return added!;
  }

  /** Adds several faults, or none of them when any is invalid. */
  addAll(inputs: readonly unknown[]): ActiveFault[] {
    const prepared = inputs.map((input) => this.#prepare(input));
    for (const fault of prepared) {
      fault.id = `fault-${this.#nextId}`;
      this.#nextId += 1;
      this.#active.push(fault);
    }

    return prepared.map((fault) => ({ ...fault }));
  }

  #prepare(input: unknown): ActiveFault {
    const spec = checkFaultSpec(input);
    let operationId: string | undefined;
    if (spec.route !== undefined) {
      operationId = this.#findOperation(spec.route)?.operationId;
      if (operationId === undefined) {
        throw new RangeError(`Fault route ${spec.route} matches no operationId or path template of the description.`);
      }
    }

    return { ...spec, id: '', operationId, remaining: spec.count };
  }

  /** Removes one fault. Returns false when no active fault has this id. */
  remove(id: string): boolean {
    const before = this.#active.length;
    this.#active = this.#active.filter((fault) => fault.id !== id);
    return this.#active.length < before;
  }

  /** Removes every active fault. The counts of faults that already fired stay. */
  clear(): void {
    this.#active = [];
  }

  list(): ActiveFault[] {
    return this.#active.map((fault) => ({ ...fault }));
  }

  counts(): FaultCount[] {
    return [...this.#counts.values()].map((entry) => ({ ...entry }));
  }

  /**
   * Chooses the faults for one request to `operation`: every matching latency fault, and
   * the first matching fault that replaces or cuts the response. Only chosen faults use up
   * their count.
   */
  plan(operation: OperationModel): FaultPlan {
    const plan: FaultPlan = { latencyMs: 0, replace: undefined, cut: undefined, fired: [] };
    for (const fault of this.#active) {
      if (!this.#applies(fault, operation, plan)) {
        continue;
      }

      if (fault.kind === 'latency') {
        plan.latencyMs += this.#latencyOf(fault);
      } else if (REPLACING.has(fault.kind)) {
        plan.replace = fault;
      } else {
        plan.cut = fault;
      }
      this.#fire(fault, operation.operationId, plan);
    }

    this.#active = this.#active.filter((fault) => fault.remaining === undefined || fault.remaining > 0);
    return plan;
  }

  #applies(fault: ActiveFault, operation: OperationModel, plan: FaultPlan): boolean {
    if (fault.operationId !== undefined && fault.operationId !== operation.operationId) {
      return false;
    }
    // At most one fault shapes the response, so later replacing or cutting faults wait their turn.
    if (fault.kind !== 'latency' && (plan.replace !== undefined || plan.cut !== undefined)) {
      return false;
    }

    // The roll happens only for faults that could fire, so adding a fault elsewhere does not shift other rolls.
    return fault.probability === undefined || this.#random.float() < fault.probability;
  }

  #latencyOf(fault: ActiveFault): number {
    const low = fault.latencyMs ?? 0;
    const high = Math.max(low, fault.maxLatencyMs ?? low);
    return this.#random.int(low, high);
  }

  #fire(fault: ActiveFault, operationId: string, plan: FaultPlan): void {
    plan.fired.push(fault.kind);
    if (fault.remaining !== undefined) {
      fault.remaining -= 1;
    }

    const key = `${fault.kind} ${operationId}`;
    const entry = this.#counts.get(key) ?? { kind: fault.kind, operationId, count: 0 };
    entry.count += 1;
    this.#counts.set(key, entry);
  }
}
