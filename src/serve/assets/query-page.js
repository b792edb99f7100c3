// Sets up YASGUI on the query page: local endpoint, project prefixes, and
// the stored queries as examples. No request leaves this server.
(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('query-config').textContent);
  var prefixLines = Object.keys(config.prefixes).map(function (p) {
    return 'PREFIX ' + p + ': <' + config.prefixes[p] + '>';
  });
  var first = config.examples[0] ? config.examples[0].text : prefixLines.join('\n') + '\n\nSELECT * WHERE { ?s ?p ?o } LIMIT 10';
  Yasgui.Yasqe.defaults.value = first;
  // prefix.cc autocompletion would call out to the Internet.
  Yasgui.Yasqe.defaults.autocompleters = ['variables'];
  var yasgui = new Yasgui(document.getElementById('yasgui'), {
    requestConfig: { endpoint: config.endpoint, method: 'POST' },
    copyEndpointOnNewTab: true,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: config.endpoint }]; } },
    persistenceId: null,
  });
  var select = document.getElementById('examples');
  select.addEventListener('change', function () {
    var example = config.examples.filter(function (e) { return e.name === select.value; })[0];
    if (example) yasgui.getTab().setQuery(example.text);
  });
  window.iotSetupYasgui = yasgui;
})();
