// What the UI tests read inside the paper panel's webview: its DOM as a plain object, and the contrast
// of its text in the theme in force. The functions given to `frame.evaluate` run in the webview, so
// they use nothing from outside themselves.
import type { Frame } from 'playwright-core';
import { sleep } from './workbench';

/** What the panel's page holds, read inside the webview. */
export interface PanelDom {
  csp: string | null;
  tags: string[];
  scripts: { id: string; src: string; nonce: string; inHead: boolean; beforeCsp: boolean }[];
  styles: { id: string; inHead: boolean; pwned: boolean }[];
  stylesheets: string[];
  handlers: string[];
  hrefs: string[];
  linkUrls: string[];
  childFrames: number;
  title: string;
  meta: string;
  abstract: string;
  topics: string[];
  bodyBackgroundImage: string;
  overflowing: string[];
}

/** Reads the panel's DOM (runs in the webview's content frame). */
export function readPanel(): PanelDom {
  const all = Array.from(document.querySelectorAll('*'));
  const csp = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
  return {
    csp: csp?.getAttribute('content') ?? null,
    tags: [...new Set(all.map((node) => node.localName))].sort(),
    scripts: Array.from(document.scripts).map((script) => ({ id: script.id, src: script.getAttribute('src') ?? '', nonce: script.nonce || script.getAttribute('nonce') || '',
      inHead: script.parentElement === document.head,
      beforeCsp: !!csp && !!(script.compareDocumentPosition(csp) & Node.DOCUMENT_POSITION_FOLLOWING) })),
    styles: Array.from(document.querySelectorAll('style')).map((style) => ({ id: style.id, inHead: style.parentElement === document.head, pwned: (style.textContent ?? '').includes('pwned') })),
    stylesheets: Array.from(document.querySelectorAll('link')).map((link) => `${link.rel} ${link.getAttribute('href')}`),
    handlers: all.flatMap((node) => Array.from(node.attributes).filter((attribute) => /^on/i.test(attribute.name)).map((attribute) => `${node.localName}[${attribute.name}]`)),
    hrefs: Array.from(document.querySelectorAll('[href], [src], [action], [formaction], [srcdoc]'))
      .filter((node) => node.localName !== 'link' && node.localName !== 'script')
      .map((node) => node.getAttribute('href') ?? node.getAttribute('src') ?? node.getAttribute('action') ?? node.getAttribute('formaction') ?? 'srcdoc'),
    linkUrls: Array.from(document.querySelectorAll<HTMLElement>('a[data-url]')).map((node) => node.dataset.url ?? ''),
    childFrames: window.frames.length,
    title: document.querySelector('h1.title')?.textContent ?? '',
    meta: document.querySelector('p.meta')?.textContent ?? '',
    abstract: document.querySelector('.abstract-text')?.textContent ?? '',
    topics: Array.from(document.querySelectorAll('.topics button')).map((node) => node.textContent ?? ''),
    bodyBackgroundImage: getComputedStyle(document.body).backgroundImage,
    overflowing: [
      ...(document.documentElement.scrollWidth > document.documentElement.clientWidth + 1 ? ['the page scrolls sideways'] : []),
      ...Array.from(document.querySelectorAll('main *'))
        .filter((node) => node.scrollWidth > node.clientWidth + 1 && node.clientWidth > 0 && getComputedStyle(node).overflowX === 'visible')
        .map((node) => `${node.localName}.${node.className} (${node.scrollWidth} > ${node.clientWidth})`),
    ],
  };
}

/**
 * WCAG contrast ratios of the panel's text against what is behind it (runs in the webview). Colours
 * with alpha are blended over the nearest opaque background, as the browser paints them.
 */
export function panelContrast(selectors: readonly string[]): Record<string, number> {
  type Rgba = [number, number, number, number];
  const parse = (color: string): Rgba => {
    const parts = (color.match(/[\d.]+/g) ?? []).map(Number);
    return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
  };
  const over = (top: Rgba, bottom: Rgba): Rgba => [0, 1, 2].map((i) => top[i] * top[3] + bottom[i] * (1 - top[3])).concat(1) as Rgba;
  const background = (node: Element | null): Rgba => {
    const layers: Rgba[] = [];
    for (let at = node; at; at = at.parentElement) {
      const layer = parse(getComputedStyle(at).backgroundColor);
      if (layer[3] > 0) layers.push(layer);
      if (layer[3] >= 1) break;
    }
    return layers.reverse().reduce((below, layer) => over(layer, below), [255, 255, 255, 1] as Rgba);
  };
  const luminance = ([r, g, b]: Rgba): number => {
    const channel = (value: number) => { const c = value / 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const result: Record<string, number> = {};
  for (const selector of selectors) {
    const node = document.querySelector(selector);
    if (!node) continue;
    const back = background(node);
    const fore = over(parse(getComputedStyle(node).color), back);
    const [light, dark] = [luminance(fore), luminance(back)].sort((a, b) => b - a);
    result[selector] = Math.round(((light + 0.05) / (dark + 0.05)) * 100) / 100;
  }
  return result;
}

/** Text on the panel whose contrast is checked in each theme. */
export const CONTRAST_SELECTORS = ['h1.title', 'p.meta', 'p.key', '.key code', '.topics button.chip', 'button.primary', 'button.secondary',
  '.abstract-text', 'h2', 'h3', '.link-list a', '.format-label', '.format-description', '.format-text code', '.related-list button', '.related-date', 'p.status'];

/**
 * The panel's contrast ratios once the theme's colours have settled: read until two readings in a row
 * agree (the workbench restyles the webview in steps after a theme change).
 */
export async function settledContrast(frame: Frame): Promise<Record<string, number>> {
  let previous = '';
  const deadline = Date.now() + 10_000;
  for (;;) {
    const ratios = await frame.evaluate(panelContrast, CONTRAST_SELECTORS);
    const reading = JSON.stringify(ratios);
    if (reading === previous || Date.now() > deadline) return ratios;
    previous = reading;
    await sleep(100);
  }
}
