import { activityModulePaths, importPath } from '../lib/lifecycleModules.js';
import type { ActivityDeps } from './kit/context.js';
import type { PhaseProjections } from './kit/lifecycle.js';

export type { ActivityDeps };

type ActivityFunction = (...args: never[]) => Promise<unknown>;

/**
 * Every activity, built from its dependencies: each `activities/<lifecycle>.ts` and
 * `activities/kit/*.ts` that exports `createActivities` contributes its own, and may export
 * `phaseProjections` (its kinds' domain status writes, used by the lifecycle kit's local activity).
 * Workflows import their own lifecycle's activity type only. Two modules defining the same activity
 * name, or a projection for the same kind, is a start-up error.
 */
export async function createAllActivities(deps: ActivityDeps): Promise<Record<string, ActivityFunction>> {
  type ActivityModule = {
    createActivities?: (deps: ActivityDeps) => Record<string, ActivityFunction>;
    phaseProjections?: PhaseProjections;
  };
  const modules: [string, ActivityModule][] = [];
  for (const path of activityModulePaths()) modules.push([path, (await importPath(path)) as ActivityModule]);

  const phaseProjections: PhaseProjections = {};
  const projectedBy: Record<string, string> = {};
  for (const [path, module] of modules) {
    for (const [kind, projection] of Object.entries(module.phaseProjections ?? {})) {
      if (projectedBy[kind]) throw new Error(`the phase projection of "${kind}" is defined twice: ${projectedBy[kind]} and ${path}`);
      projectedBy[kind] = path;
      phaseProjections[kind] = projection;
    }
  }

  const all: Record<string, ActivityFunction> = {};
  const origin: Record<string, string> = {};
  for (const [path, module] of modules) {
    if (typeof module.createActivities !== 'function') continue;
    for (const [name, fn] of Object.entries(module.createActivities({ ...deps, phaseProjections }))) {
      if (origin[name]) throw new Error(`activity "${name}" is defined twice: ${origin[name]} and ${path}`);
      origin[name] = path;
      all[name] = fn;
    }
  }
  return all;
}
