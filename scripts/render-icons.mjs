// Draws the toolbar and store icons as SVG and renders them to PNG with headless Chromium.
// Three looks: `icon` (default), `icon-matches` (this page has sentences other outlets reported)
// and `icon-muted` (not a news article, or turned off). Both the SVGs and the PNGs are committed;
// run this after changing the drawing: node scripts/render-icons.mjs
// The browser is CHROMIUM_PATH, default /usr/bin/chromium (apt-get install chromium).
import { chromium } from 'playwright-core';
import { Buffer } from 'node:buffer';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const out = path.join(root, 'assets/icons');
const SIZES = [16, 32, 48, 128];

// Two report cards, one over the other, the front one checked: "cross-checked against another
// report". The matches look takes the page highlights' amber and orange.
const LOOKS = {
  icon: { back: '#a78bfa', front: '#5b21b6', mark: '#ffffff' },
  'icon-matches': { back: '#fbbf24', front: '#ea580c', mark: '#ffffff' },
  'icon-muted': { back: '#d1d5db', front: '#6b7280', mark: '#f3f4f6' },
};

/** The icon's SVG (drawn on a 128-unit grid) in the given colours. */
export function iconSvg({ back, front, mark }) {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128">
  <defs>
    <mask id="gap">
      <rect width="128" height="128" fill="#fff"/>
      <rect x="30" y="26" width="96" height="100" rx="22" fill="#000"/>
    </mask>
  </defs>
  <rect x="2" y="2" width="84" height="92" rx="18" fill="${back}" mask="url(#gap)"/>
  <rect x="38" y="34" width="80" height="84" rx="16" fill="${front}"/>
  <path d="M58 78 L72 92 L99 62" fill="none" stroke="${mark}" stroke-width="13" stroke-linecap="round" stroke-linejoin="round"/>
</svg>
`;
}

async function main() {
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(
      `no browser at ${executablePath}: apt-get install chromium, or set CHROMIUM_PATH`,
    );
  }
  await mkdir(out, { recursive: true });
  const browser = await chromium.launch({ executablePath, headless: true });
  try {
    const page = await browser.newPage();
    for (const [name, colours] of Object.entries(LOOKS)) {
      const svg = iconSvg(colours);
      await writeFile(path.join(out, `${name}.svg`), svg);
      for (const size of SIZES) {
        await page.setViewportSize({ width: size, height: size });
        const url = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
        await page.setContent(
          `<html><body style="margin:0;background:transparent"><img src="${url}" width="${size}" height="${size}" style="display:block"></body></html>`,
        );
        await page.locator('img').evaluate((img) => img.decode());
        await page.screenshot({
          path: path.join(out, `${name}-${size}.png`),
          omitBackground: true,
        });
      }
      console.log(`${name}: ${SIZES.join(', ')} px`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(`render-icons failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
