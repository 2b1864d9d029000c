/*
 * axe-core on a page of the portal. Every violation fails the spec unless each of its
 * elements is inside Backstage's own chrome for that rule (AXE_ALLOWLIST): markup that
 * Plinth does not render and cannot change. Plinth's own components are never listed.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { artifactsDir } from './support';

/** WCAG 2.1 A and AA, the level the issue asks for, plus axe's best practices. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

export interface AllowedViolation {
  /** The axe rule id. */
  rule: string;
  /** Allowed only for elements inside this selector (Backstage's markup). */
  within: string;
  /** Only on pages whose name starts with this (all pages when absent). */
  page?: string;
  /** Why it is not Plinth's to fix. */
  reason: string;
}

export const AXE_ALLOWLIST: AllowedViolation[] = [
  {
    rule: 'region',
    within: '.bui-VisuallyHidden',
    reason:
      "Backstage's PluginHeader (@backstage/ui) puts the page's h1 in a visually hidden div outside any landmark, above the page content",
  },
  {
    rule: 'aria-valid-attr-value',
    within: '.bui-Tabs',
    page: 'wizard',
    reason:
      "The scaffolder's header tabs (Templates, Tasks, ...; @backstage/ui Tabs) point aria-controls at tab panels they do not render",
  },
  {
    rule: 'landmark-one-main',
    within: 'html',
    page: 'wizard',
    reason:
      "The scaffolder's template page (@backstage/plugin-scaffolder) has no main landmark; Plinth's fields are rendered inside its form",
  },
  {
    rule: 'region',
    within: 'body',
    page: 'wizard',
    reason:
      'Follows from the missing main landmark of the scaffolder page: axe reports every element of it as outside a landmark',
  },
];

export interface AxeFinding {
  rule: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/** The elements of one violation that no allowlist entry covers. */
async function uncovered(
  page: Page,
  name: string,
  rule: string,
  targets: string[],
): Promise<string[]> {
  const entries = AXE_ALLOWLIST.filter(
    a => a.rule === rule && (!a.page || name.startsWith(a.page)),
  );
  if (entries.length === 0) return targets;
  const left: string[] = [];
  for (const target of targets) {
    const covered = await page.evaluate(
      ({ selector, withins }) => {
        const el = document.querySelector(selector);
        return !!el && withins.some(w => el.closest(w) !== null);
      },
      { selector: target, withins: entries.map(e => e.within) },
    );
    if (!covered) left.push(target);
  }
  return left;
}

/**
 * Runs axe on the page as it is and fails on any violation outside the allowlist. The
 * full result goes to artifacts/e2e/axe-<name>.json.
 */
export async function expectNoAxeViolations(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  mkdirSync(artifactsDir, { recursive: true });
  writeFileSync(
    join(artifactsDir, `axe-${name}.json`),
    JSON.stringify(results.violations, null, 2),
  );
  const findings: AxeFinding[] = [];
  for (const v of results.violations) {
    // A target is a selector list for nested frames or shadow roots; the portal has neither.
    const targets = v.nodes.map(n => n.target.map(String).join(' >>> '));
    const left = await uncovered(page, name, v.id, targets);
    if (left.length > 0) {
      findings.push({
        rule: v.id,
        impact: v.impact,
        help: v.help,
        targets: left,
      });
    }
  }
  expect(findings, `axe violations on ${name}`).toEqual([]);
}
