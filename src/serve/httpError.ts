// Errors the routes throw on purpose. The error handler turns them (and
// anything unexpected) into one consistent body; none carries a stack.
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly statusCode: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const notFound = (what: string): HttpError => new HttpError(404, `Not found: ${what}`);

export const notAcceptable = (offered: readonly string[]): HttpError =>
  new HttpError(406, `None of the requested media types can be served. Available: ${offered.join(', ')}`);
