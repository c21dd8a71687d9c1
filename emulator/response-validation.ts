/**
 * Checks the JSON bodies the emulator sends against the response schemas of the
 * description, and records every mismatch so tests can fail on them.
 */
import type { ErrorObject } from 'ajv/dist/2020.js';
import type { ApiDescription, OperationModel } from './description.js';

export interface ResponseMismatch {
  operationId: string;
  method: string;
  path: string;
  status: number;
  /** The position of the offending item in a list body. */
  itemIndex?: number;
  /** The schema errors, one line each. */
  errors: string[];
}

/** Checks one item of a list body; `index` is its position in the list. */
export type ItemCheck = (item: unknown, index: number) => void;

/** Mismatches kept at most, so a broken generator cannot exhaust memory on a huge list. */
const MAX_MISMATCHES = 1_000;

function describe(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((error) => `${error.instancePath || '(body)'} ${error.message ?? 'is invalid'}`);
}

export class ResponseChecker {
  readonly #description: ApiDescription;
  readonly #mismatches: ResponseMismatch[] = [];

  constructor(description: ApiDescription) {
    this.#description = description;
  }

  mismatches(): ResponseMismatch[] {
    return this.#mismatches.map((mismatch) => ({ ...mismatch, errors: [...mismatch.errors] }));
  }

  /** Checks a whole body. A status the operation does not describe is a mismatch too. */
  checkBody(operation: OperationModel, path: string, status: number, body: unknown): void {
    const response = operation.responses.get(String(status));
    if (response === undefined) {
      const problem = `status ${status} is not described for ${operation.operationId}`;
      this.#record(operation, path, status, undefined, [problem]);
      return;
    }

    const validate = this.#description.compiler.compile(response.schemaPointer);
    if (!validate(body)) {
      this.#record(operation, path, status, undefined, describe(validate.errors));
    }
  }

  /**
   * Returns a function that checks the items of a list body one at a time, so a streamed
   * list is checked without building the whole array. Returns undefined when the status
   * has no array schema, after recording that as a mismatch.
   */
  itemChecker(operation: OperationModel, path: string, status: number): ItemCheck | undefined {
    const itemPointer = operation.responses.get(String(status))?.itemPointer;
    if (itemPointer === undefined) {
      const problem = `status ${status} of ${operation.operationId} has no array schema`;
      this.#record(operation, path, status, undefined, [problem]);
      return undefined;
    }

    const validate = this.#description.compiler.compile(itemPointer);
    return (item, index) => {
      if (!validate(item)) {
        this.#record(operation, path, status, index, describe(validate.errors));
      }
    };
  }

  #record(
    operation: OperationModel,
    path: string,
    status: number,
    itemIndex: number | undefined,
    errors: string[],
  ): void {
    if (this.#mismatches.length >= MAX_MISMATCHES) {
      return;
    }

    const { operationId, method } = operation;
    const mismatch: ResponseMismatch = { operationId, method, path, status, errors };
    if (itemIndex !== undefined) {
      mismatch.itemIndex = itemIndex;
    }
    this.#mismatches.push(mismatch);
  }
}
