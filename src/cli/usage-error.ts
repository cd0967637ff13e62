/** The command line itself is wrong (unknown flag, missing value, conflicting flags): exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
