import { createMiddleware } from 'hono/factory';
import { isStorableText } from '../domain/text.js';
import { errorBody } from './errors.js';
import type { AppEnv } from './env.js';

type Problem = { path: string; message: string };
const MESSAGE = 'contains a NUL character or an unpaired surrogate, which no text column can store';

function firstUnstorable(value: unknown, path: string): Problem | null {
  if (typeof value === 'string') return isStorableText(value) ? null : { path, message: MESSAGE };
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const problem = firstUnstorable(item, path ? `${path}.${i}` : String(i));
      if (problem) return problem;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const problem = !isStorableText(key) ? { path, message: MESSAGE } : firstUnstorable(item, path ? `${path}.${key}` : key);
      if (problem) return problem;
    }
  }
  return null;
}

/** Refuses, for every route at once, text that the database could not store: a 400, never a 500. */
export const requireStorableText = createMiddleware<AppEnv>(async (c, next) => {
  const url = new URL(c.req.url);
  let problem: Problem | null = null;
  for (const [key, value] of url.searchParams)
    problem ??= isStorableText(key) && isStorableText(value) ? null : { path: key, message: MESSAGE };
  if (!problem && /json/i.test(c.req.header('content-type') ?? '')) {
    try {
      problem = firstUnstorable(JSON.parse(await c.req.text()), '');
    } catch {
      // malformed JSON: the route's validator answers it
    }
  }
  if (problem) return c.json(errorBody('validation_failed', 'The request is not valid.', [problem]), 400);
  await next();
});
