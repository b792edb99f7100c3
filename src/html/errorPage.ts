// A readable error page for browsers: the status, the message, and ways on.
import { html } from './escape.js';
import { page } from './layout.js';

const TITLES: Record<number, string> = {
  400: 'Bad request',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  413: 'Request too large',
  414: 'Address too long',
  415: 'Unsupported media type',
  429: 'Too many requests',
  500: 'Server error',
  503: 'Service unavailable',
  504: 'Timed out',
};

export function renderError(statusCode: number, message: string): string {
  const status = Number.isInteger(statusCode) ? statusCode : 500;
  const title = TITLES[status] ?? (status >= 500 ? 'Server error' : 'Error');
  const main = html`<div class="error-page">
<h1><span class="status">${status}</span> ${title}</h1>
<p class="message">${message}</p>
${status === 404 ? html`<p>The address may be mistyped, or the resource may not be part of this knowledge graph.</p>` : ''}
<form class="search-form" role="search" method="get" action="/search">
<label for="error-q">Search the knowledge graph instead</label>
<input id="error-q" type="search" name="q">
<button type="submit">Search</button>
</form>
<p><a href="/">Go to the home page</a> · <a href="/search">Search</a> · <a href="/a-z">Index of all resources</a></p>
</div>`;
  return page({ title: `${status} ${title}`, main });
}
