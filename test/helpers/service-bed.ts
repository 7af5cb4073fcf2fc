/**
 * The ChangeService suites on Wine start each test the same way: the prefix's values reset, a
 * data folder no test used, and a ChangeService made on them as a start of the app makes it.
 *
 *   beforeEach(async () => ({ dataDir, service } = await freshService(prefix)));
 */
import { createServices } from '../../electron/services/create-services';
import type { ChangeService } from '../../electron/services/change-service';
import { productEnv } from './cli-run';
import { resetValues } from './reg-checks';
import { freshPath } from './temp-folder';
import type { WinePrefix } from './wine-prefix';

export async function freshService(prefix: WinePrefix): Promise<{ dataDir: string; service: ChangeService }> {
  await resetValues(prefix);
  const dataDir = freshPath(prefix.root, 'data');
  return { dataDir, service: (await createServices({ env: productEnv(prefix, dataDir) })).tuner };
}
