/**
 * The metric names a PromQL expression reads, for the check that the dashboard and the alerts only
 * use metrics the platform exposes. Not a PromQL parser: strings, label matchers, range
 * selectors, grouping clauses and functions are removed; what remains are metric names.
 */
import { readFileSync } from 'node:fs';

const keywords = new Set([
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'bool',
  'and',
  'or',
  'unless',
  'offset',
  'inf',
  'nan',
]);

export function metricNamesIn(expression: string): string[] {
  const stripped = expression
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""') // strings
    .replace(/\{[^}]*\}/g, '') // label matchers
    .replace(/\[[^\]]*\]/g, '') // range selectors, $__rate_interval included
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ') // grouping labels
    .replace(/\$\w+/g, ' '); // Grafana variables
  const names = new Set<string>();
  for (const match of stripped.matchAll(/[a-zA-Z_:][a-zA-Z0-9_:]*/g)) {
    const name = match[0];
    const after = stripped.slice(match.index! + name.length).trimStart();
    if (after.startsWith('(') || keywords.has(name.toLowerCase())) continue; // a function or a keyword
    names.add(name);
  }
  return [...names];
}

/** Every `expr` of the Grafana dashboard (its panels' targets). */
export function dashboardExpressions(file: string): string[] {
  const dashboard = JSON.parse(readFileSync(file, 'utf8')) as { panels: { targets?: { expr?: string }[] }[] };
  return dashboard.panels.flatMap((panel) => (panel.targets ?? []).map((target) => target.expr ?? '')).filter(Boolean);
}

/** Every `expr:` of a Prometheus rules file (single-line or `|` block). */
export function ruleExpressions(file: string): string[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const expressions: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const match = /^(\s*)expr:\s*(.*)$/.exec(lines[i]!);
    if (!match) continue;
    if (match[2] !== '|' && match[2] !== '>') {
      expressions.push(match[2]!);
      continue;
    }
    const block: string[] = [];
    for (i += 1; i < lines.length && (lines[i]!.trim() === '' || lines[i]!.search(/\S/) > match[1]!.length); i++)
      block.push(lines[i]!.trim());
    i -= 1;
    expressions.push(block.join(' '));
  }
  return expressions;
}
