// rdf-canonize ships no type declarations; this covers the call the tests use.
declare module 'rdf-canonize' {
  interface CanonizeOptions {
    algorithm: 'RDFC-1.0' | 'URDNA2015';
  }
  const canonize: {
    canonize(dataset: unknown, options: CanonizeOptions): Promise<string>;
  };
  export default canonize;
}
