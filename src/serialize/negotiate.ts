// Proactive content negotiation on the Accept header (RFC 9110, 12.5.1).
// Pure: a header and the server's offer in, the chosen media type out.
//
// - Each media range carries a weight q (default 1); q=0 means "not acceptable".
// - For an offered type, only the most specific matching ranges count
//   (type/subtype over type/* over */*), so `text/html;q=0, */*` excludes
//   HTML but accepts everything else. Among equally specific ranges the
//   highest weight counts.
// - Media-type parameters other than q are ignored for matching.
// - Ties go to the earliest entry of `offered` (the server's preference).
// - A missing, empty or wholly unparseable header accepts anything: the
//   first offered type is returned. Malformed entries are skipped.
// - null means nothing offered is acceptable (the caller answers 406).

export interface MediaRange {
  type: string;
  subtype: string;
  /** Weight in [0, 1]. */
  q: number;
  /** Parameters other than q, names lower-cased (kept for callers; not used in matching). */
  parameters: Record<string, string>;
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const QVALUE = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/;

/** Splits on `separator` outside quoted strings (a backslash escapes inside quotes). */
function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      current += c;
      if (c === '\\' && i + 1 < text.length) current += text[++i]!;
      else if (c === '"') quoted = false;
    } else if (c === '"') {
      quoted = true;
      current += c;
    } else if (c === separator) {
      parts.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  parts.push(current);
  return parts;
}

function parseParameterValue(raw: string): string | null {
  if (TOKEN.test(raw)) return raw;
  const quoted = /^"((?:[^"\\]|\\.)*)"$/.exec(raw);
  return quoted ? quoted[1]!.replace(/\\(.)/g, '$1') : null;
}

/** One media range with its weight, or null when the entry is malformed. */
function parseRange(entry: string): MediaRange | null {
  const [range, ...rawParameters] = splitOutsideQuotes(entry, ';').map((part) => part.trim());
  const slash = range!.indexOf('/');
  if (slash < 0) return null;
  const type = range!.slice(0, slash).toLowerCase();
  const subtype = range!.slice(slash + 1).toLowerCase();
  if (!TOKEN.test(type) || !TOKEN.test(subtype)) return null;
  if (type === '*' && subtype !== '*') return null;
  let q = 1;
  const parameters: Record<string, string> = {};
  for (const raw of rawParameters) {
    if (raw === '') continue;
    const eq = raw.indexOf('=');
    if (eq <= 0) return null;
    const name = raw.slice(0, eq).trim().toLowerCase();
    const value = parseParameterValue(raw.slice(eq + 1).trim());
    if (!TOKEN.test(name) || value === null) return null;
    if (name === 'q') {
      if (!QVALUE.test(value)) return null;
      q = Number(value);
    } else {
      parameters[name] = value;
    }
  }
  return { type, subtype, q, parameters };
}

/** The well-formed media ranges of an Accept header, in order. */
export function parseAccept(header: string): MediaRange[] {
  return splitOutsideQuotes(header, ',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map(parseRange)
    .filter((range): range is MediaRange => range !== null);
}

/** 2 for type/subtype, 1 for type/*, 0 for *\/*, -1 when the range does not match. */
function specificity(range: MediaRange, type: string, subtype: string): number {
  if (range.type === '*') return 0;
  if (range.type !== type) return -1;
  if (range.subtype === '*') return 1;
  return range.subtype === subtype ? 2 : -1;
}

/** The weight the ranges give to type/subtype: that of the most specific matching ranges, 0 when none matches. */
export function weightOf(ranges: readonly MediaRange[], mediaType: string): number {
  const bare = mediaType.split(';')[0]!.trim().toLowerCase();
  const slash = bare.indexOf('/');
  if (slash < 0) return 0;
  const type = bare.slice(0, slash);
  const subtype = bare.slice(slash + 1);
  let best = -1;
  let q = 0;
  for (const range of ranges) {
    const s = specificity(range, type, subtype);
    if (s > best) {
      best = s;
      q = range.q;
    } else if (s === best && s >= 0) {
      q = Math.max(q, range.q);
    }
  }
  return best < 0 ? 0 : q;
}

export function negotiate(acceptHeader: string | undefined, offered: readonly string[]): string | null {
  if (offered.length === 0) return null;
  const ranges = acceptHeader === undefined ? [] : parseAccept(acceptHeader);
  if (ranges.length === 0) return offered[0]!;
  let chosen: string | null = null;
  let chosenQ = 0;
  for (const candidate of offered) {
    const q = weightOf(ranges, candidate);
    if (q > chosenQ) {
      chosen = candidate;
      chosenQ = q;
    }
  }
  return chosen;
}
