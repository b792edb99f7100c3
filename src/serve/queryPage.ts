// The query page: YASGUI (bundled from npm, served by this server) with the
// project's prefixes preloaded and every stored query as an example. A
// plain form keeps it usable without JavaScript.
import type { AppDependencies } from './app.js';
import { html, jsonForScript, raw } from '../html/escape.js';
import { PREFIXES } from '../namespaces.js';
import { inlineParameters } from '../query/storedQueries.js';

export function renderQueryPage(deps: AppDependencies): string {
  const config = {
    endpoint: '/sparql',
    prefixes: PREFIXES,
    examples: deps.storedQueries.map((q) => ({ name: q.name, title: q.title, description: q.description, text: inlineParameters(q) })),
  };
  const firstExample = deps.storedQueries[0] ? inlineParameters(deps.storedQueries[0]) : 'SELECT * WHERE { ?s ?p ?o } LIMIT 10';
  return `<!doctype html>\n${html`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>SPARQL query — IoT initial security setup</title>
<link rel="stylesheet" href="/assets/yasgui/yasgui.min.css">
<link rel="stylesheet" href="/assets/query-page.css">
</head>
<body>
<header><a href="/">IoT initial security setup</a> · <a href="/ontology">Ontology</a> · <a href="/queries">Stored queries</a> · <strong>SPARQL</strong></header>
<main>
<h1>SPARQL query</h1>
<p>Read-only SPARQL 1.1 endpoint at <code>/sparql</code>. The default graph is the union of the ontology, the data and the entailments; name <code>&lt;https://w3id.org/iot-setup/graph/data&gt;</code> in <code>FROM</code> to see the asserted data only.</p>
<p><label for="examples">Example queries:</label>
<select id="examples">
${config.examples.map((e) => html`<option value="${e.name}">${e.title}</option>`)}
</select></p>
<div id="yasgui"></div>
<noscript>
<form method="get" action="/sparql">
<p><label for="query">Query</label></p>
<textarea id="query" name="query" rows="16" cols="100">${firstExample}</textarea>
<p><label>Result format <select name="format"><option value="json">SPARQL JSON</option><option value="xml">SPARQL XML</option><option value="csv">CSV</option><option value="tsv">TSV</option><option value="ttl">Turtle (CONSTRUCT)</option></select></label>
<button type="submit">Run</button></p>
</form>
</noscript>
</main>
<script type="application/json" id="query-config">${raw(jsonForScript(config))}</script>
<script src="/assets/yasgui/yasgui.min.js"></script>
<script src="/assets/query-page.js"></script>
</body>
</html>`.html}\n`;
}
