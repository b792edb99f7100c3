// The app's quad store. Everything that held an N3.Store holds this type.
export { CompactStore, CompactStore as QuadStore, type SharedStoreHandle, type TermPattern } from './compactStore.js';
export { QuadStream } from './quadStream.js';
export { termKey } from './termKey.js';
