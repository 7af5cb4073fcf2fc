/** The apply request's acceptance of unprotected ports, as the main side validates every request from the page. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as z from 'zod/mini';
import { channels } from '../../../shared/contract';

const parse = (request: unknown) => z.safeParse(channels.apply.request, request);

describe('the apply request', () => {
  it('carries acceptUnprotected as a true or false, beside a change', () => {
    assert.deepEqual(parse({ MaxUserPort: 65534, acceptUnprotected: true }).data, {
      MaxUserPort: 65534,
      acceptUnprotected: true,
    });
    assert.equal(parse({ MaxUserPort: 65534, acceptUnprotected: 'yes' }).success, false);
  });

  it('refuses an acceptance alone: it changes nothing', () => {
    const result = parse({ acceptUnprotected: true });
    assert.equal(result.success, false);
    assert.match(JSON.stringify(result.error?.issues), /Choose at least one value to change\./);
  });

  it('is not part of an export: another server has ports of its own', () => {
    assert.equal(
      z.safeParse(channels.previewExport.request, {
        format: 'reg',
        undo: false,
        change: { MaxUserPort: 65534, acceptUnprotected: true },
      }).success,
      false,
    );
  });
});
