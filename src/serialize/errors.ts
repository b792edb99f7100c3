// Errors of the serialization layer. Both mean "this response cannot be
// produced in the requested format", which the server answers with 406.

/** The format exists but does not serialize this kind of result (e.g. ASK as CSV, HTML as RDF). */
export class UnsupportedFormatError extends Error {
  override name = 'UnsupportedFormatError';
  constructor(
    readonly formatId: string,
    what: string,
  ) {
    super(`The format ${formatId} cannot serialize ${what}.`);
  }
}

/** The data holds something the format's syntax cannot express (e.g. a predicate IRI that is no XML QName in RDF/XML). */
export class UnrepresentableError extends Error {
  override name = 'UnrepresentableError';
  constructor(
    readonly formatId: string,
    reason: string,
  ) {
    super(`Cannot write this data as ${formatId}: ${reason}`);
  }
}
