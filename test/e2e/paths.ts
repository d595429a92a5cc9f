import { fileURLToPath } from 'node:url';

/** Screenshots and the server log of a run; git ignores this folder. */
export const RESULTS_DIR = fileURLToPath(new URL('../../test-results/', import.meta.url));
