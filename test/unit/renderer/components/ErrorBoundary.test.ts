/**
 * The renderer's error boundary in a real browser (Debian's Chromium): a page part that throws
 * while rendering leaves a plain message with the log's path, not a blank elevated window, and
 * the error reaches the page's console, which the main side copies into tcp-port-tuner.log.
 */
import { chromium, type Browser } from '@playwright/test';
import { build } from 'esbuild';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromiumLaunchOptions } from '../../../helpers/preview';

const ROOT = path.resolve(__dirname, '../../../..');

/** The boundary around a part that throws, with `tuner` as the preload would give it (or none). */
async function bundle(tuner: string): Promise<string> {
  const entry = `
    import { createRoot } from 'react-dom/client';
    import { ErrorBoundary } from './renderer/components/ErrorBoundary';
    function Broken() { throw new Error('Cannot read properties of undefined (reading "MaxUserPort")'); }
    window.tuner = ${tuner};
    createRoot(document.getElementById('root')).render(<ErrorBoundary><Broken /></ErrorBoundary>);
  `;
  const built = await build({
    stdin: { contents: entry, resolveDir: ROOT, loader: 'tsx' },
    bundle: true,
    write: false,
    format: 'iife',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  return built.outputFiles[0].text;
}

const NO_CHROMIUM = existsSync(chromiumLaunchOptions.executablePath)
  ? false
  : `no Chromium at ${chromiumLaunchOptions.executablePath} (CHROMIUM_PATH names another)`;

describe("the renderer's error boundary, in Chromium", { skip: NO_CHROMIUM }, () => {
  let browser: Browser;
  before(async () => {
    if (!NO_CHROMIUM) browser = await chromium.launch(chromiumLaunchOptions);
  });
  after(() => browser?.close());

  async function show(tuner: string) {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await page.setContent('<!doctype html><html><body><div id="root"></div></body></html>');
    await page.addScriptTag({ content: await bundle(tuner) });
    await page.getByRole('alert').waitFor();
    return { page, errors };
  }

  it('shows what failed and the exact log path the main side names', async () => {
    const { page, errors } = await show(
      `{ getStatus: async () => ({ ok: true, value: { dataDir: 'C:\\\\ProgramData\\\\TCP Port Tuner' } }) }`,
    );
    await page.getByText('C:\\ProgramData\\TCP Port Tuner\\tcp-port-tuner.log').waitFor();
    const text = await page.getByRole('alert').innerText();
    assert.match(text, /^The wizard stopped working\n/);
    assert.match(text, /A part of this page failed: Cannot read properties of undefined \(reading "MaxUserPort"\)/);
    assert.match(text, /Close this window and start TCP Port Tuner again\./);
    assert.match(text, /The error is recorded in C:\\ProgramData\\TCP Port Tuner\\tcp-port-tuner\.log\./);
    assert.ok(
      errors.some((line) =>
        line.startsWith(
          `The wizard's page failed: Cannot read properties of undefined (reading "MaxUserPort") at Broken`,
        ),
      ),
      errors.join('\n'),
    );
    await page.close();
  });

  it('without a preload to ask, names where the log is by default', async () => {
    const { page } = await show('undefined');
    assert.match(
      await page.getByRole('alert').innerText(),
      /The error is recorded in tcp-port-tuner\.log in TCP Port Tuner's data folder \(on Windows, %ProgramData%\\TCP Port Tuner\)\./,
    );
    await page.close();
  });
});
