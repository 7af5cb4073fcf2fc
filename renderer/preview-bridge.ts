// The browser preview's stand-in for the Electron preload: the same API over HTTP to the
// preview server. Relative URLs carry the per-run secret that is part of the page's path.
import { createApi } from '../shared/api';

window.tuner = createApi(async (channel, request) => {
  const response = await fetch(`api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request ?? {}),
  });
  if (!response.ok) {
    return { ok: false, error: { kind: 'unexpected', message: `The preview server answered ${response.status}.` } };
  }
  return response.json();
});
