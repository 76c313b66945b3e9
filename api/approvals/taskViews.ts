import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../db/connection.js';
import type { Lang, MessageKey, ParamsOf } from '../../lib/i18n/index.js';
import { codeExtension, codeRoot, importPath } from '../../lib/lifecycleModules.js';

/**
 * The extension point of the staff shell: how a kind of request shows **the whole request** on the
 * task page (and its title in the inbox). A lifecycle adds `api/<lifecycle>/taskView.ts`:
 *
 *   export const describeTask: DescribeTask = async (db, task, t) => ({ title, sections: [...] });
 *
 * It is found like the routes (the folder's name is the approval `kind` its workflow passes to
 * `requestDecision`), so the inbox, the task page, bulk decisions and the audit view take a new kind
 * without editing the shell. Everything shown is read from PostgreSQL at read time (never from the
 * workflow's input or history, which carry ids only).
 */
export interface TaskRef {
  workflowId: string;
  step: string;
  kind: string;
}

/** One block of the request: a heading, label/value rows, and optionally what changed since the last version. */
export interface TaskSection {
  heading: string;
  rows: (readonly [string, string])[];
  changes?: { field: string; before: string; after: string }[];
  /** Shown instead of rows when there is nothing to list. */
  empty?: string;
}

export interface TaskView {
  /** What is asked, in the reader's language (falls back to the step's recorded title). */
  title?: string;
  sections: TaskSection[];
}

export type Translate = <K extends MessageKey>(key: K, ...params: ParamsOf<K>) => string;
export type DescribeTask = (db: Db, task: TaskRef, t: Translate, lang: Lang) => Promise<TaskView | undefined>;

let registry: Promise<Map<string, DescribeTask>> | undefined;

/** `api/<folder>/taskView.ts` files, by folder (= approval kind). */
export function taskViewModulePaths(): { kind: string; path: string }[] {
  const root = join(codeRoot, 'api');
  const file = `taskView${codeExtension}`;
  return readdirSync(root)
    .filter((name) => statSync(join(root, name)).isDirectory() && readdirSync(join(root, name)).includes(file))
    .sort()
    .map((kind) => ({ kind, path: join(root, kind, file) }));
}

async function load(): Promise<Map<string, DescribeTask>> {
  const views = new Map<string, DescribeTask>();
  for (const { kind, path } of taskViewModulePaths()) {
    const module = (await importPath(path)) as { describeTask?: DescribeTask };
    if (typeof module.describeTask === 'function') views.set(kind, module.describeTask);
  }
  return views;
}

/** The whole request of a task, as its kind shows it; undefined for a kind without a view (the shell then shows the step's details). */
export async function describeTask(db: Db, task: TaskRef, t: Translate, lang: Lang): Promise<TaskView | undefined> {
  registry ??= load();
  const describe = (await registry).get(task.kind);
  return describe ? describe(db, task, t, lang) : undefined;
}

/** The kinds that registered a view (the README lists them; the tests check each is found). */
export async function registeredTaskKinds(): Promise<string[]> {
  registry ??= load();
  return [...(await registry).keys()];
}
