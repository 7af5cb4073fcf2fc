import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { logPath, record } from '../../../../electron/main/app-log';
import { tempFolder } from '../../../helpers/temp-folder';

describe('the app log', () => {
  const temp = tempFolder('app-log');
  const saved = process.env.TCP_PORT_TUNER_DATA_DIR;
  let dataDir: string;
  before(() => {
    dataDir = temp.fresh('data');
    process.env.TCP_PORT_TUNER_DATA_DIR = dataDir;
  });
  after(() => {
    if (saved === undefined) delete process.env.TCP_PORT_TUNER_DATA_DIR;
    else process.env.TCP_PORT_TUNER_DATA_DIR = saved;
  });

  it('is tcp-port-tuner.log beside the journal, made with its folder on the first line', async () => {
    assert.equal(logPath(), path.join(dataDir, 'tcp-port-tuner.log'));
    await record('the page stopped (crashed, exit code 5)');
    assert.match(
      await readFile(logPath(), 'utf8'),
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z the page stopped \(crashed, exit code 5\)\n$/,
    );
  });

  it('keeps one dated line per event, in order, so a page cannot forge lines of its own', async () => {
    await Promise.all([record('first'), record('the page reported: fine\n2026-01-01T00:00:00.000Z forged\r\n  entry')]);
    const lines = (await readFile(logPath(), 'utf8')).trimEnd().split('\n');
    assert.match(lines.at(-2) ?? '', /Z first$/);
    assert.match(lines.at(-1) ?? '', /Z the page reported: fine 2026-01-01T00:00:00\.000Z forged entry$/);
  });

  it('never fails the dialog that names it when it cannot be written', async () => {
    const blocked = temp.fresh('blocked');
    await writeFile(blocked, 'a file where the data folder should be');
    process.env.TCP_PORT_TUNER_DATA_DIR = blocked;
    try {
      await record('still shown');
    } finally {
      process.env.TCP_PORT_TUNER_DATA_DIR = dataDir;
    }
    assert.equal(await readFile(blocked, 'utf8'), 'a file where the data folder should be');
  });
});
