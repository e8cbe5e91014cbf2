/** An error with an HTTP status and a catalogue key for the page the user sees. */
export class HttpError extends Error {
  readonly statusCode: number;
  readonly reason: string;
  constructor(statusCode: number, reason: string) {
    super(reason);
    this.statusCode = statusCode;
    this.reason = reason;
  }
}
