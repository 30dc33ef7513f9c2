/// <reference lib="dom" />
/**
 * Checks that apply to every screen: axe's serious and critical findings in the app's own markup, and
 * whether the screen fits the window (no page-wide horizontal scroll, no control cut off by the window
 * or by a clipping container such as a too-narrow panel).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';

/** One axe finding, in a line a reader of the test report can act on. */
export type AxeFinding = string;

/** axe's serious and critical findings on the page as it is now, one line per rule and element. */
export async function seriousAxeFindings(page: Page): Promise<AxeFinding[]> {
  const results = await new AxeBuilder({ page })
    // Fluent UI's focus-trap sentinels (`data-tabster-dummy`) are invisible, empty spans the library
    // inserts around dialogs and tab lists for its keyboard handling: not the app's markup.
    .exclude('[data-tabster-dummy]')
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `${violation.id} (${violation.impact}): ${node.html.slice(0, 160)} — ${node.failureSummary ?? ''}`,
      ),
    );
}

/** Whether the page scrolls sideways: a screen that fits never does. */
export function pageScrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}

/** The locator's element is entirely inside the window (and not squashed to nothing). */
export async function isFullyInWindow(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const size = page.viewportSize();
  if (!box || !size) return false;
  return (
    box.width > 0 &&
    box.x >= 0 &&
    box.y >= 0 &&
    box.x + box.width <= size.width + 0.5 &&
    box.y + box.height <= size.height + 0.5
  );
}

/** The element's text is shown in full: not cut off with an ellipsis by a too-narrow column. */
export function isTextInFull(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element.scrollWidth <= element.clientWidth);
}

/**
 * The visible controls inside `root` that a clipping ancestor (overflow other than visible) or the
 * window cuts off sideways, described by their accessible text. Vertical clipping is left out: lists
 * scroll vertically by design.
 */
export function controlsCutOffSideways(root: Locator): Promise<string[]> {
  return root.evaluate((element) => {
    const controls = element.querySelectorAll<HTMLElement>(
      'button, input:not([type=hidden]), select, textarea, a[href], [role=combobox], [role=columnheader]',
    );
    const cut: string[] = [];
    for (const control of Array.from(controls)) {
      const rect = control.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      let left = 0;
      let right = window.innerWidth;
      for (let parent = control.parentElement; parent; parent = parent.parentElement) {
        if (getComputedStyle(parent).overflowX === 'visible') continue;
        const clip = parent.getBoundingClientRect();
        left = Math.max(left, clip.left);
        right = Math.min(right, clip.right);
      }
      const squashed = control.scrollWidth > control.clientWidth + 1 && control.tagName !== 'INPUT';
      if (rect.left < left - 0.5 || rect.right > right + 0.5 || squashed) {
        const name =
          control.getAttribute('aria-label') ??
          control.getAttribute('data-testid') ??
          (control.textContent ?? '').trim().slice(0, 40);
        cut.push(`${control.tagName.toLowerCase()} "${name}"`);
      }
    }
    return cut;
  });
}

/**
 * Labels of the visible buttons in `root` that look primary (filled with the brand colour), so a test
 * can hold a view to one primary action. The mouse is moved away first: hover changes the colour.
 */
export async function primaryButtonLabels(root: Locator): Promise<string[]> {
  await root.page().mouse.move(0, 0);
  return root.evaluate((element) => {
    const probe = document.createElement('div');
    probe.style.background = 'var(--colorBrandBackground)';
    element.appendChild(probe);
    const brand = getComputedStyle(probe).backgroundColor;
    probe.remove();
    return Array.from(element.querySelectorAll<HTMLElement>('button, a[role="button"]'))
      .filter((button) => {
        const box = button.getBoundingClientRect();
        return box.width > 0 && box.height > 0 && getComputedStyle(button).backgroundColor === brand;
      })
      .map((button) => button.textContent?.trim() ?? '');
  });
}

/** Findings of the named axe rules only, experimental ones included (e.g. `label-content-name-mismatch`). */
export async function axeRuleFindings(page: Page, rules: string[]): Promise<AxeFinding[]> {
  const results = await new AxeBuilder({ page }).exclude('[data-tabster-dummy]').withRules(rules).analyze();
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id}: ${node.html.slice(0, 160)}`),
  );
}

/**
 * The locator's element is what a click at its centre reaches: no layer (a popover's mount node, an
 * overlay) covers it. A menu that opens over a blank sheet instead of over the screen fails this.
 */
export function isOnTop(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => {
    const rect = element.getBoundingClientRect();
    const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
    return hit !== null && (hit === element || element.contains(hit));
  });
}
