// The HTML list of stored queries, with a form per query for its parameters.
import type { AppDependencies } from './app.js';
import { html } from '../html/escape.js';

export function renderStoredQueryList(deps: AppDependencies): string {
  return `<!doctype html>\n${html`<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Stored queries — IoT initial security setup</title>
<link rel="stylesheet" href="/assets/query-page.css"></head>
<body>
<header><a href="/">IoT initial security setup</a> · <a href="/ontology">Ontology</a> · <strong>Stored queries</strong> · <a href="/sparql">SPARQL</a></header>
<main>
<h1>Stored queries</h1>
<p>Each competency question is an API at <code>/queries/{name}</code>; see also the <a href="/openapi.json">OpenAPI description</a>.</p>
${deps.storedQueries.map(
  (q) => html`<section id="${q.name}">
<h2>${q.title}</h2>
<p>${q.description}</p>
<form method="get" action="/queries/${q.name}">
${q.parameters.map((p) => html`<label>${p.name} <input name="${p.name}" value="${p.default ?? ''}" title="${p.description}"></label> `)}
<label>format <select name="format"><option>json</option><option>csv</option><option>tsv</option><option>xml</option></select></label>
<button type="submit">Run</button>
</form>
<details><summary>SPARQL</summary><pre>${q.text}</pre></details>
</section>`,
)}
</main>
</body>
</html>`.html}\n`;
}
