// Finds and parses the Turtle files of one folder into quads of one graph.
// Parse errors carry file, line and column so an editor can jump to them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { DataFactory, Parser } from 'n3';
import type { Quad } from '@rdfjs/types';

export class RdfSyntaxError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}:${column}: ${reason}`);
    this.name = 'RdfSyntaxError';
  }
}

export class MissingInputError extends Error {
  override name = 'MissingInputError';
}

/** Every `*.ttl` file directly inside `dir`, sorted; refuses a missing or empty folder. */
export function listTurtleFiles(dir: string, extension = '.ttl'): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    throw new MissingInputError(`No such folder: ${dir}`);
  }
  const files = entries
    .filter((name) => name.endsWith(extension))
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .sort();
  if (files.length === 0) throw new MissingInputError(`No ${extension} files in ${dir}`);
  return files;
}

/** Expands a mix of files and folders (user data arguments) into Turtle files. */
export function expandInputPaths(paths: readonly string[]): string[] {
  return paths.flatMap((path) => {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      throw new MissingInputError(`No such file or folder: ${path}`);
    }
    return isDirectory ? listTurtleFiles(path) : [path];
  });
}

interface N3ErrorContext {
  line?: number;
  token?: { line: number; start: number } | null;
  previousToken?: { line: number; end: number } | null;
}

/**
 * Parses one Turtle (or N3) file. Every quad is placed in `graph`; without
 * one, quads keep the graph the parser gave them (N3 formulas need that).
 */
export function parseTurtleFile(path: string, graph?: Quad['graph'], format = 'text/turtle'): Quad[] {
  const text = readFileSync(path, 'utf8');
  return parseTurtleText(text, displayPath(path), graph, format);
}

export function parseTurtleText(text: string, file: string, graph?: Quad['graph'], format = 'text/turtle'): Quad[] {
  // A per-file blank node prefix keeps blank nodes of different files apart.
  const parser = new Parser({ format, blankNodePrefix: `${basename(file).replace(/\W/g, '_')}_` });
  try {
    const quads: Quad[] = parser.parse(text);
    return graph ? quads.map((q) => DataFactory.quad(q.subject, q.predicate, q.object, graph)) : quads;
  } catch (error) {
    throw toSyntaxError(error, file, text);
  }
}

/**
 * Parses one Turtle file and hands each quad to `onQuad` as soon as it is
 * read, instead of collecting the file's quads first (at scale a file's
 * quads as objects cost several times the store's encoding of them).
 * Returns the number of quads read.
 */
export function streamTurtleFile(path: string, onQuad: (quad: Quad) => void, format = 'text/turtle'): number {
  const text = readFileSync(path, 'utf8');
  return streamTurtleText(text, displayPath(path), onQuad, format);
}

export function streamTurtleText(text: string, file: string, onQuad: (quad: Quad) => void, format = 'text/turtle'): number {
  const parser = new Parser({ format, blankNodePrefix: `${basename(file).replace(/\W/g, '_')}_` });
  let count = 0;
  const forward = (quad: Quad): void => {
    count++;
    onQuad(quad);
  };
  routeQuads(parser, forward);
  try {
    // N3's synchronous parse gives its quads to an internal callback that
    // collects them; routeQuads diverts them, so what comes back is empty
    // unless a later N3 no longer works that way (then they are taken here).
    for (const quad of parser.parse(text) as Quad[]) forward(quad);
  } catch (error) {
    throw toSyntaxError(error, file, text);
  }
  return count;
}

type QuadCallback = (error: Error | null, quad?: Quad) => void;

/** Makes the parser's per-quad callback (set by parse) pass quads to `onQuad` and only errors on. */
function routeQuads(parser: Parser, onQuad: (quad: Quad) => void): void {
  let inner: QuadCallback = () => undefined;
  const outer: QuadCallback = (error, quad) => {
    if (error) inner(error);
    else if (quad) onQuad(quad);
  };
  Object.defineProperty(parser, '_callback', {
    configurable: true,
    get: () => outer,
    set: (callback: QuadCallback) => {
      inner = callback;
    },
  });
}

function toSyntaxError(error: unknown, file: string, text: string): Error {
  if (!(error instanceof Error)) return new RdfSyntaxError(file, 1, 1, String(error));
  const context = (error as Error & { context?: N3ErrorContext }).context ?? {};
  const line = context.token?.line ?? context.line ?? 1;
  const column = context.token
    ? context.token.start + 1
    : columnAfter(text, line, context.previousToken?.line === line ? context.previousToken.end : 0);
  const reason = error.message.replace(/ on line \d+\.?$/, '');
  return new RdfSyntaxError(file, line, column, reason);
}

/** 1-based column of the first non-blank character at or after `offset` on `line`. */
function columnAfter(text: string, line: number, offset: number): number {
  const source = text.split('\n')[line - 1] ?? '';
  let index = offset;
  while (index < source.length && /\s/.test(source[index]!)) index++;
  return index + 1;
}

function displayPath(path: string): string {
  const rel = relative(process.cwd(), resolve(path));
  return rel.startsWith('..') ? path : rel;
}
