/** An error with an HTTP status and a catalogue key for the page the user sees. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}
