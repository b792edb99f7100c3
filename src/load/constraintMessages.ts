// The messages of SHACL validation results, worded as rdf-validate-shacl
// words them, so that a report reads the same whichever validator made it:
// the shape's own sh:message values, else the constraint component's
// default text, with {$param} / {?param} replaced by the constraint's
// parameter values.
import type { Term } from '@rdfjs/types';

/** Default texts of the components the id-level validator supports: [for a node shape, for a property shape]. */
export const DEFAULT_MESSAGES: Record<string, readonly [string, string]> = {
  minCount: ['', 'Less than {$minCount} values'],
  maxCount: ['', 'More than {$maxCount} values'],
  class: ['', ''],
  datatype: ['Value does not have datatype {$datatype}', 'Value does not have datatype {$datatype}'],
  nodeKind: ['Value does not have node kind {$nodeKind}', 'Value does not have node kind {$nodeKind}'],
  pattern: ['Value does not match pattern "{$pattern}"', 'Value does not match pattern "{$pattern}"'],
  hasValue: ['Value must be {$hasValue}', 'Missing expected value {$hasValue}'],
  uniqueLang: ['', 'Language "{?lang}" used more than once'],
  minInclusive: ['Value is not greater than or equal to {$minInclusive}', 'Value is not greater than or equal to {$minInclusive}'],
  minExclusive: ['Value is not greater than {$minExclusive}', 'Value is not greater than {$minExclusive}'],
  maxInclusive: ['Value is not less than or equal to {$maxInclusive}', 'Value is not less than or equal to {$maxInclusive}'],
  maxExclusive: ['Value is not less than {$maxExclusive}', 'Value is not less than {$maxExclusive}'],
  languageIn: ['Language does not match any of {$languageIn}', 'Language does not match any of {$languageIn}'],
  in: ['Value is not one of the allowed values: {$in}', 'Value is not one of the allowed values: {$in}'],
};

/** A message as a literal's value and language (two equal literals are one message in a report). */
export interface MessageTerm {
  value: string;
  language: string;
}

/**
 * How a parameter value is spelled in a message: an IRI in angle brackets,
 * a literal's text, and a blank node (an RDF list) as the shape's sh:in
 * members, at most three of them — rdf-validate-shacl's rendering.
 */
export function parameterLabel(value: Term | undefined, shapeInMembers: readonly Term[]): string {
  if (!value) return 'NULL';
  if (value.termType === 'NamedNode') return `<${value.value}>`;
  if (value.termType === 'BlankNode') {
    const limit = 3;
    const shown = shapeInMembers.slice(0, limit).map((m) => m.value).join(', ');
    return shapeInMembers.length > limit ? `${shown} ... (and ${shapeInMembers.length - limit} more)` : shown;
  }
  return value.value;
}

/** Replaces the first {$name} and {?name} of each parameter, in the component's parameter order. */
export function withSubstitutions(text: string, parameters: ReadonlyArray<readonly [name: string, label: string]>): string {
  return parameters.reduce((message, [name, label]) => message.replace(`{$${name}}`, label).replace(`{?${name}}`, label), text);
}

/** The text of a result: its messages joined by spaces, each distinct literal once. */
export function resultText(messages: readonly MessageTerm[]): string {
  const seen = new Set<string>();
  const texts: string[] = [];
  for (const m of messages) {
    const key = JSON.stringify([m.value, m.language]);
    if (seen.has(key)) continue;
    seen.add(key);
    texts.push(m.value);
  }
  return texts.join(' ') || 'Constraint violated';
}
