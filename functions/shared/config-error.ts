/**
 * A function's environment is missing a variable or contains an invalid value.
 * The message names the variable and the fix, and never a secret's value.
 */
export class FunctionConfigError extends Error {
  override readonly name = 'FunctionConfigError';

  /** The environment variable at fault. */
  readonly variable: string;

  constructor(variable: string, message: string, options?: ErrorOptions) {
    super(`${variable}: ${message}`, options);
    this.variable = variable;
  }
}
