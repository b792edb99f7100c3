// Plain-JavaScript entry of the SHACL worker thread: registers tsx so the
// TypeScript worker module can be loaded, whatever runs the parent
// (tsx, vitest or node).
import { register } from 'tsx/esm/api';

register();
await import('./shaclWorker.ts');
