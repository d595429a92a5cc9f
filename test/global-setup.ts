import fs from 'node:fs/promises';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { prepareTemplate, dropTemplate, type DatabaseTemplate } from './support/template-database.js';

/** Migrates and seeds one template database for the whole run; each test file gets a fresh copy of it. */
export default async function setup(project: TestProject) {
  const dir = path.resolve('.tmp', `test-${process.pid}`);
  await fs.mkdir(dir, { recursive: true });
  const template = await prepareTemplate(process.env.DATABASE_URL, dir);
  project.provide('databaseTemplate', template);
  return async () => {
    await dropTemplate(template);
    await fs.rm(dir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseTemplate: DatabaseTemplate;
  }
}
