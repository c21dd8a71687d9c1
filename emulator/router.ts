/** Matches request paths against the path templates of the description. */
import type { OperationModel } from './description.js';

export interface RouteMatch {
  operation: OperationModel;
  /** Decoded path parameters. An empty segment gives an empty string, which validation reports as missing. */
  pathParams: Record<string, string>;
}

interface Route {
  operation: OperationModel;
  pattern: RegExp;
  names: string[];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compileTemplate(template: string): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  const source = template
    .split('/')
    .map((segment) => {
      const parameter = /^\{([^}]+)\}$/.exec(segment);
      if (parameter === null) {
        return escapeRegExp(segment);
      }

      names.push(parameter[1] ?? '');
      return '([^/]*)';
    })
    .join('/');

  return { pattern: new RegExp(`^${source}$`), names };
}

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

export class Router {
  readonly #routes: Route[];

  constructor(operations: readonly OperationModel[]) {
    // Templates without parameters come first, so `/a/b` wins over `/a/{id}` for the path `/a/b`.
    const sorted = [...operations].sort((a, b) => a.pathTemplate.split('{').length - b.pathTemplate.split('{').length);
    this.#routes = sorted.map((operation) => ({ operation, ...compileTemplate(operation.pathTemplate) }));
  }

  /**
   * Returns the operation for a method and a raw (still percent-encoded) path, or undefined
   * when no operation of the description has both. A path that exists with another method
   * also gives undefined, because the description defines operations, not bare paths.
   */
  match(method: string, rawPath: string): RouteMatch | undefined {
    for (const route of this.#routes) {
      if (route.operation.method !== method) {
        continue;
      }

      const found = route.pattern.exec(rawPath);
      if (found === null) {
        continue;
      }

      const pathParams: Record<string, string> = {};
      let decodable = true;
      route.names.forEach((name, position) => {
        const value = decodeSegment(found[position + 1] ?? '');
        decodable &&= value !== undefined;
        pathParams[name] = value ?? '';
      });
      if (decodable) {
        return { operation: route.operation, pathParams };
      }
    }

    return undefined;
  }

  /** Finds an operation by operationId or by path template, for fault routes. */
  find(route: string): OperationModel | undefined {
    return this.#routes.find((entry) => entry.operation.operationId === route || entry.operation.pathTemplate === route)
      ?.operation;
  }
}
