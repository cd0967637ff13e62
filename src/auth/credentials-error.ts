/**
 * The error a token function that fails is reported with, loaded with the code that calls such a function
 * (`token-credentials.ts`). The package root exports it.
 */
import { CxEngageError } from '../http/up-front.js';

/**
 * The credentials could not be had: an `auth.token` function threw or returned something that is not a
 * token. Nothing was sent with them. `cause` is a credential-free copy of what the function threw.
 */
export class CredentialsError extends CxEngageError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CredentialsError';
  }
}
