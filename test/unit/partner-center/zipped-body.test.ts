/** Price sheets may come zipped without saying so: the bytes decide, and unzipping keeps up with arrival. */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { unzippedIfZip } from '../../../main/partner-center/zipped-body';

function* chunks(bytes: Uint8Array, size: number): Generator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function text(source: AsyncIterable<Uint8Array>): Promise<string> {
  const parts: Uint8Array[] = [];
  for await (const part of source) parts.push(part);
  return Buffer.concat(parts).toString('utf8');
}

describe('zipped bodies', () => {
  const csv = `ProductId,SkuId,UnitPrice\n${Array.from({ length: 2000 }, (_, i) => `P${i},0001,${i}.5`).join('\n')}\n`;

  it('unzips a zip known by its first bytes, fed one byte at a time or in large pieces', async () => {
    const zip = zipSync({ 'sheets.csv': strToU8(csv) });
    expect(await text(unzippedIfZip(chunks(zip, 1)))).toBe(csv);
    expect(await text(unzippedIfZip(chunks(zip, 64 * 1024)))).toBe(csv);
  });

  it('passes plain text through untouched, including bodies shorter than the magic', async () => {
    expect(await text(unzippedIfZip(chunks(strToU8(csv), 7)))).toBe(csv);
    expect(await text(unzippedIfZip(chunks(strToU8('P'), 1)))).toBe('P');
    expect(await text(unzippedIfZip(chunks(new Uint8Array(0), 1)))).toBe('');
  });

  it('fails on a zip cut short instead of returning part of a sheet', async () => {
    const zip = zipSync({ 'sheets.csv': strToU8(csv) }, { level: 0 });
    await expect(text(unzippedIfZip(chunks(zip.subarray(0, 200), 50)))).rejects.toThrow();
  });
});
