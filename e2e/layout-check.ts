/**
 * What a DBA cannot read: text that runs into other text (a cell spilling into the next one,
 * "TcpTimedWaitDe30ay"), and text cut off by a box that hides what overflows. Sideways scroll
 * alone misses both. Runs in the page; text under the sticky footer (scrolled behind it on
 * purpose) is left out, as is text inside a box that scrolls (the export preview).
 */
import type { Page } from '@playwright/test';

export interface LayoutProblem {
  kind: 'overlap' | 'cut off';
  text: string;
  other?: string;
}

export function unreadableText(page: Page): Promise<LayoutProblem[]> {
  return page.evaluate(() => {
    const problems: { kind: 'overlap' | 'cut off'; text: string; other?: string }[] = [];
    const pieces: { node: Text; rect: DOMRect }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const parent = node.parentElement;
      if (!node.data.trim() || !parent) continue;
      const style = getComputedStyle(parent);
      if (style.visibility === 'hidden' || Number(style.opacity) === 0) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) {
        if (rect.width < 1 || rect.height < 1) continue;
        // On top where it is drawn: not scrolled behind the footer, not inside a closed popup.
        const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
        if (!hit || !(hit === parent || parent.contains(hit) || hit.contains(parent))) continue;
        let shown = true;
        for (let box: HTMLElement | null = parent; box && box !== document.body; box = box.parentElement) {
          const overflow = getComputedStyle(box).overflowX;
          if (overflow === 'auto' || overflow === 'scroll') break;
          if (overflow !== 'hidden' && overflow !== 'clip') continue;
          const edge = box.getBoundingClientRect();
          // A one-pixel box is the screen-reader-only pattern: meant to be heard, not seen.
          if (edge.width <= 2 || edge.height <= 2) shown = false;
          else if (rect.right > edge.right + 1 || rect.left < edge.left - 1)
            problems.push({ kind: 'cut off', text: node.data.trim() });
          break;
        }
        if (shown) pieces.push({ node, rect });
      }
    }
    // Two pieces of text from different nodes drawn over each other (a pixel of touching is allowed).
    for (let i = 0; i < pieces.length; i += 1) {
      for (let j = i + 1; j < pieces.length; j += 1) {
        const [a, b] = [pieces[i], pieces[j]];
        if (a.node === b.node) continue;
        const width = Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left);
        const height = Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top);
        if (width > 1 && height > 1)
          problems.push({ kind: 'overlap', text: a.node.data.trim(), other: b.node.data.trim() });
      }
    }
    return problems;
  });
}
