// The whole dataset at stable, versioned URLs, and its VoID/DCAT description.
//
//   /dumps/iot-setup-{version}.{ttl,nt,rdf}     union of all graphs, deduplicated
//   /dumps/iot-setup-{version}.{trig,nq,jsonld} the named graphs kept
//   /dumps/latest.{ext}                         302 to the current version
//   /void, /.well-known/void                    VoID + DCAT (negotiated RDF)
//
// The version is the ontology's owl:versionInfo. Each dump is serialized
// once, on first request, and kept (the data is read-only). A large dataset
// (PublicationOptions.maxInMemoryDumpQuads) is streamed instead, in the
// formats that can be streamed (Turtle, TriG, N-Triples, N-Quads), with a
// weak ETag: the same data always gives the same bytes, but they are never
// all held to be hashed.
import type { FastifyPluginAsync } from 'fastify';
import type { AppDependencies } from '../app.js';
import { HttpError } from '../httpError.js';
import { DUMPS_IRI, DUMP_STEM, VOID_IRI, dumpFileName, dumpFormats } from '../../describe/datasetDescription.js';
import { contentTypeOf } from '../../serialize/formats.js';
import { formatByExtension } from '../../serialize/formats.js';
import { isNotModified, pathOf, publicationFor, sendDocument, sendRepresentation, type PublicationOptions } from './resources.js';

export const dumpRoutes: FastifyPluginAsync<{ deps: AppDependencies } & PublicationOptions> = async (app, { deps, ...options }) => {
  const publication = publicationFor(deps, options);
  const formats = publication.dumpFormats;
  const notOffered = (file: string): string =>
    publication.streamsDumps && dumpFormats().some((f) => file.endsWith(`.${f.extension}`))
      ? ` For a dataset of ${deps.kg.store.size} quads only the dumps that can be streamed are offered.`
      : '';
  const available = (): string => formats.map((f) => `/dumps/${dumpFileName(publication.version, f)}`).join(', ');

  app.get('/dumps/:file', async (request, reply) => {
    const { file } = request.params as { file: string };
    const latest = /^latest\.([^.]+)$/.exec(file);
    if (latest) {
      const format = formatByExtension(latest[1]!);
      if (!format || !formats.includes(format)) throw new HttpError(404, `Not found: /dumps/${file}.${notOffered(file)} Available: ${available()}`);
      return reply.code(302).header('Cache-Control', 'no-cache').redirect(`/dumps/${dumpFileName(publication.version, format)}`, 302);
    }
    const format = formats.find((f) => file === dumpFileName(publication.version, f));
    if (!format) {
      const versioned = new RegExp(`^${DUMP_STEM}-(.+)\\.[^.]+$`).exec(file);
      const why = versioned && versioned[1] !== publication.version ? ` Only version ${publication.version} is served.` : '';
      throw new HttpError(404, `Not found: /dumps/${file}.${why || notOffered(file)} Available: ${available()}`);
    }
    reply.header('Link', `<${DUMPS_IRI}${file}>; rel="canonical", <${VOID_IRI}>; rel="describedby"; type="text/turtle"`);
    if (!publication.streamsDumps) return sendRepresentation(request, reply, await publication.dump(format), publication.lastModified);
    const tag = `"${publication.version}-${deps.kg.store.size}-${publication.lastModified.getTime()}-${format.extension}"`;
    reply.header('ETag', `W/${tag}`).header('Last-Modified', publication.lastModified.toUTCString()).header('Cache-Control', 'public, max-age=300');
    if (isNotModified(request, tag, publication.lastModified)) return reply.code(304).send();
    reply.type(contentTypeOf(format));
    return reply.send(request.method === 'HEAD' ? '' : publication.dumpStream(format));
  });

  const voidDocument = publication.document(pathOf(VOID_IRI));
  if (!voidDocument) throw new Error('The publication has no VoID document.');
  app.get('/void', async (request, reply) => sendDocument(request, reply, publication, voidDocument));
  app.get('/.well-known/void', async (request, reply) => sendDocument(request, reply, publication, voidDocument));
};
