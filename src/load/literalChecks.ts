// The checks of SHACL Core on literal values: well-formedness for
// sh:datatype, order for sh:minInclusive and the other range constraints,
// and language ranges for sh:languageIn.
import { validateTerm } from 'rdf-validate-datatype';
import type { Literal, Term } from '@rdfjs/types';
import { XSD } from '../namespaces.js';

const NUMERIC = new Set(
  [
    'integer', 'decimal', 'float', 'double', 'long', 'int', 'short', 'byte', 'nonNegativeInteger', 'positiveInteger',
    'nonPositiveInteger', 'negativeInteger', 'unsignedLong', 'unsignedInt', 'unsignedShort', 'unsignedByte',
  ].map((name) => `${XSD}${name}`),
);
const TIMEZONE = /(Z|[+-]\d{2}:\d{2})$/;

/** sh:datatype: a literal of exactly that datatype whose lexical form is valid for it (rdf-validate-datatype's test). */
export function hasDatatype(value: Term, datatype: Term): boolean {
  return value.termType === 'Literal' && value.datatype.equals(datatype) && validateTerm(value);
}

/**
 * Compares two literals as SPARQL's `<` does for the range constraints:
 * numbers by value whatever their numeric datatype, and strings, booleans,
 * dates and date-times among their own kind; null when they cannot be
 * compared (then the constraint is violated), e.g. an ill-formed number, a
 * language-tagged string, or a date-time with a timezone against one without.
 */
export function compareLiterals(a: Term, b: Term): number | null {
  if (a.termType !== 'Literal' || b.termType !== 'Literal' || !validateTerm(a) || !validateTerm(b)) return null;
  const ta = a.datatype.value;
  const tb = b.datatype.value;
  if (NUMERIC.has(ta) && NUMERIC.has(tb)) return Number(a.value) - Number(b.value);
  if (ta !== tb) return null;
  switch (ta) {
    case `${XSD}string`:
      return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
    case `${XSD}boolean`:
      return booleanValue(a) - booleanValue(b);
    case `${XSD}dateTime`:
    case `${XSD}date`:
      if (TIMEZONE.test(a.value) !== TIMEZONE.test(b.value)) return null;
      return Date.parse(a.value) - Date.parse(b.value);
    default:
      return null;
  }
}

function booleanValue(literal: Literal): number {
  return literal.value === 'true' || literal.value === '1' ? 1 : 0;
}

/** sh:languageIn: whether a language tag matches a basic language range (SPARQL langMatches). */
export function languageMatches(tag: string, range: string): boolean {
  if (tag === '') return false;
  if (range === '*') return true;
  const t = tag.toLowerCase();
  const r = range.toLowerCase();
  return t === r || t.startsWith(`${r}-`);
}
