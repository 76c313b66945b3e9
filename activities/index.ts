import { activityModulePaths, importPath } from '../lib/lifecycleModules.js';
import type { ActivityDeps } from './kit/context.js';

export type { ActivityDeps };

type ActivityFunction = (...args: never[]) => Promise<unknown>;

/**
 * Every activity, built from its dependencies: each `activities/<lifecycle>.ts` and
 * `activities/kit/*.ts` that exports `createActivities` contributes its own. Workflows import their
 * own lifecycle's activity type only. Two modules defining the same activity name is a start-up error.
 */
export async function createAllActivities(deps: ActivityDeps): Promise<Record<string, ActivityFunction>> {
  const all: Record<string, ActivityFunction> = {};
  const origin: Record<string, string> = {};
  for (const path of activityModulePaths()) {
    const module = (await importPath(path)) as { createActivities?: (deps: ActivityDeps) => Record<string, ActivityFunction> };
    if (typeof module.createActivities !== 'function') continue;
    for (const [name, fn] of Object.entries(module.createActivities(deps))) {
      if (origin[name]) throw new Error(`activity "${name}" is defined twice: ${origin[name]} and ${path}`);
      origin[name] = path;
      all[name] = fn;
    }
  }
  return all;
}
