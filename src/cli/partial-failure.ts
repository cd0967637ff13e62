/** A command finished, but part of its work failed (export: some contacts, each reported): exit code 5. */
export class PartialFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PartialFailure';
  }
}
