// The stored competency queries behind the site pages, run once per
// SiteContext with the in-process engine and cached (the data is
// read-only). A failed run is not cached, so the next request retries.
import type { Row } from '../query/sparqlEngine.js';
import { bindParameters } from '../query/storedQueries.js';
import type { SiteContext } from './site.js';
import { compareSections } from './links.js';

const cache = new WeakMap<SiteContext, Map<string, Promise<Row[]>>>();

/** Runs a stored query by name with parameter values (slugs or IRIs), cached per site. */
export function storedSelect(site: SiteContext, name: string, values: Record<string, string> = {}): Promise<Row[]> {
  let perSite = cache.get(site);
  if (!perSite) {
    perSite = new Map();
    cache.set(site, perSite);
  }
  const key = `${name}?${JSON.stringify(Object.entries(values).sort())}`;
  const hit = perSite.get(key);
  if (hit) return hit;
  const query = site.storedQueries.find((q) => q.name === name);
  if (!query) return Promise.reject(new Error(`The site needs the stored query ${name} (queries/${name}.rq), which is not loaded.`));
  const running = site.sparql.select(query.text, bindParameters(query, values));
  perSite.set(key, running);
  running.catch(() => perSite.delete(key));
  return running;
}

/** The value of a variable in a row ('' when unbound). */
export function v(row: Row, name: string): string {
  return row[name]?.value ?? '';
}

/** SPARQL boolean results come back as "true"/"false" literals (or 1/0). */
export function truthy(row: Row, name: string): boolean {
  const value = v(row, name);
  return value === 'true' || value === '1';
}

export interface ProtocolSummary {
  iri: string;
  label: string;
  section: string;
  fullName: string;
  organizations: string[];
  trustBasis: string;
}

/** The surveyed protocols in the draft's order (protocol-overview.rq). */
export async function protocolsInOrder(site: SiteContext): Promise<ProtocolSummary[]> {
  const rows = await storedSelect(site, 'protocol-overview');
  const byIri = new Map<string, ProtocolSummary>();
  for (const row of rows) {
    const iri = v(row, 'protocol');
    const existing = byIri.get(iri);
    const organization = v(row, 'organizationLabel');
    if (existing) {
      if (organization && !existing.organizations.includes(organization)) existing.organizations.push(organization);
      continue;
    }
    byIri.set(iri, {
      iri,
      label: v(row, 'protocolLabel'),
      section: v(row, 'section'),
      fullName: v(row, 'fullName'),
      organizations: organization ? [organization] : [],
      trustBasis: v(row, 'trustBasis'),
    });
  }
  return [...byIri.values()].sort((a, b) => compareSections(a.section, b.section) || a.label.localeCompare(b.label));
}
