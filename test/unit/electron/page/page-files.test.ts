import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { contentSecurityPolicy, fileInside } from '../../../../electron/page/page-files';

describe('serving the built page (app:// and the preview alike)', () => {
  const root = path.resolve('/srv/app/dist/renderer');

  it('serves the page and the files beside it', () => {
    assert.equal(fileInside(root, ''), path.join(root, 'index.html'));
    assert.equal(fileInside(root, 'app.js'), path.join(root, 'app.js'));
    assert.equal(fileInside(root, 'my%20file.css'), path.join(root, 'my file.css'));
  });

  it('serves nothing outside the folder, however the path is spelt', () => {
    for (const attempt of [
      '../package.json',
      '%2e%2e/package.json',
      '..%2f..%2fpackage.json',
      '%2e%2e%5cmain.cjs',
      '/etc/passwd',
      '%E0%A4%A',
      '..',
    ]) {
      const file = fileInside(root, attempt);
      assert.ok(file === null || file.startsWith(root + path.sep), `${attempt} -> ${file}`);
    }
    assert.equal(fileInside(root, '../renderer-evil/app.js'), null, 'a sibling folder that shares the prefix');
  });

  it('lets the app page connect nowhere and the preview only to itself', () => {
    assert.match(contentSecurityPolicy("'none'"), /connect-src 'none'/);
    assert.match(contentSecurityPolicy("'self'"), /connect-src 'self'/);
    for (const policy of [contentSecurityPolicy("'none'"), contentSecurityPolicy("'self'")]) {
      assert.match(policy, /^default-src 'none'; script-src 'self';/);
      assert.doesNotMatch(policy, /script-src[^;]*unsafe/);
    }
  });
});
