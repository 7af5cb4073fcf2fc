/**
 * The browser preview server as a Windows program: bundled from electron/preview/server.ts the
 * way scripts/build.mjs bundles the CLI, run by Windows' node.exe in the bed's prefix, and
 * reached from Linux on 127.0.0.1 (Wine's sockets are the host's).
 */
import { spawn } from 'node:child_process';
import { mkdir, open, readFile, symlink } from 'node:fs/promises';
import path from 'node:path';
import { bundleForWindowsNode } from './bundle';
import { WINDOWS_NODE, windowsPath, type WindowsPrefix } from './prefix';
import { wine64 } from './wine64';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const READY_MS = 120_000;

export interface WindowsPreview {
  /** `http://127.0.0.1:PORT/s/SECRET/`, as the server printed it. */
  url: string;
  /** POSTs one API call and gives its `{ ok, value | error }` answer. */
  call(
    channel: string,
    request?: unknown,
  ): Promise<{ ok: boolean; value?: unknown; error?: { kind: string; message: string } }>;
}

/**
 * Bundles and starts the preview server in `prefix`; it runs until the prefix's wineserver is
 * stopped. Its built page is the repository's dist/preview (node scripts/build.mjs --preview).
 */
export async function startWindowsPreview(prefix: WindowsPrefix): Promise<WindowsPreview> {
  const app = await prefix.folder('preview-app');
  const server = path.join(app, 'electron', 'preview', 'server.cjs');
  await bundleForWindowsNode(path.join(REPO_ROOT, 'electron/preview/server.ts'), server, ['regedit']);
  // The server serves ../../dist/preview from its own folder; regedit is found beside it.
  await mkdir(path.join(app, 'dist'), { recursive: true });
  await symlink(path.join(REPO_ROOT, 'dist', 'preview'), path.join(app, 'dist', 'preview'));
  await symlink(path.join(REPO_ROOT, 'node_modules'), path.join(app, 'node_modules'));

  const outputs = await prefix.folder('preview-output');
  const stdout = path.join(outputs, 'stdout');
  const [out, err] = await Promise.all([open(stdout, 'w'), open(path.join(outputs, 'stderr'), 'w')]);
  const child = spawn(...wine64([WINDOWS_NODE, windowsPath(server)]), {
    env: prefix.env,
    cwd: app,
    stdio: ['ignore', out.fd, err.fd],
  });
  await Promise.all([out.close(), err.close()]);
  let exited: number | null | undefined;
  child.on('exit', (code) => (exited = code));

  let url: string | undefined;
  for (const started = Date.now(); !url; await new Promise((resolve) => setTimeout(resolve, 250))) {
    url = /Preview ready at (\S+)/.exec(await readFile(stdout, 'utf8'))?.[1];
    if (exited !== undefined)
      throw new Error(
        `The preview server exited with ${exited}: ${await readFile(path.join(outputs, 'stderr'), 'utf8')}`,
      );
    if (Date.now() - started > READY_MS)
      throw new Error(`The preview server was not ready within ${READY_MS / 1000} s.`);
  }
  const base = url;
  return {
    url: base,
    async call(channel, request = {}) {
      const response = await fetch(new URL(`api/${channel}`, base), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(request),
      });
      return response.json();
    },
  };
}
