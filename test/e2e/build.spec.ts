/**
 * The built app's own parts that no browser shows: the catalog sync's reader and writer threads must
 * load from the bundle's files (`electron.vite.config.ts` emits them next to the entries). If they
 * did not, the app would quietly sync on its main thread instead; this test fails instead.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { bundledSkuWorkerUrls, CatalogStore, startWorkerSkuWriter } from '../../main/catalog/index';
import { openDatabase } from '../../main/database/index';

test('the built catalog threads read and store a SKU page from the bundle', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'desk-build-'));
  const db = openDatabase({ dataDir: dir });
  try {
    const store = new CatalogStore(db);
    const catalogId = store.ensureCatalog({ profileId: 'p', country: 'US', scope: 'AzurePlan' });
    const { generation } = store.beginStaging(catalogId, Date.now(), 60_000);
    const product = {
      productId: 'DZH318Z0BQ3Q',
      title: 'Virtual Machines',
      description: '',
      productType: 'Azure',
      subType: 'ReservedInstances',
    };
    store.storeProducts(generation.id, [product]);
    const writer = await startWorkerSkuWriter({
      file: db.name,
      workerUrls: bundledSkuWorkerUrls(pathToFileURL(path.resolve('out/main/web.js'))),
    });
    try {
      const page = new TextEncoder().encode(
        JSON.stringify({
          totalCount: 2,
          items: [
            {
              id: '0001',
              title: 'Standard_D2s_v5',
              dynamicAttributes: { armRegionName: 'eastus', cores: 2 },
            },
            {
              id: '0002',
              title: 'Standard_D4s_v5',
              dynamicAttributes: { armRegionName: 'eastus', cores: 4 },
            },
          ],
        }),
      );
      expect(await writer.write(generation.id, product, page)).toEqual({ ok: true, count: 2 });
      expect(
        await writer.write(generation.id, product, new TextEncoder().encode('{"items": [ oops')),
      ).toEqual({
        ok: false,
        reason: 'the response body is not valid JSON',
      });
    } finally {
      await writer.close();
    }
    expect(store.generation(generation.id)).toMatchObject({ productsDone: 1, skuCount: 2 });
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
