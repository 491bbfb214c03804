import { describe, it, expect } from 'vitest';
import { listDatasets } from '../../../../src/engine/data/catalog';
import { mnistDigit } from '../../../../src/engine/data/mnist';
import { SYNTHETIC_NAMES } from '../../../../src/shared/types';

describe('listDatasets', () => {
  const cat = listDatasets();

  it('is plain JSON (survives a round trip unchanged)', () => {
    expect(JSON.parse(JSON.stringify(cat))).toEqual(cat);
  });

  it('lists the six synthetic sets with the config default n = 100', () => {
    expect(cat.synthetic.map((s) => s.name)).toEqual([...SYNTHETIC_NAMES]);
    for (const s of cat.synthetic) {
      expect(s.n).toBe(100);
      expect(s.description.length).toBeGreaterThan(20);
      expect(s.geodesic.length).toBeGreaterThan(3);
    }
  });

  it('mnist: the paper defaults and the images per digit of the bundled package', async () => {
    expect(cat.mnist.defaults).toEqual({
      primary: [5, 8],
      auxiliary: [9, 3],
      perClass: 500,
      auxiliaryCount: 1000,
    });
    const available = cat.mnist.available;
    expect(Object.values(available).reduce((a, b) => a + b, 0)).toBe(10000);
    expect(available[5]).toBe((await mnistDigit(5)).length / 784);
  });

  it('idx, cifar10 and csv name their required fields', () => {
    expect(cat.idx.required).toEqual(['images', 'labels']);
    expect(cat.cifar10.required).toEqual(['dir']);
    expect(cat.cifar10.classes[1]).toBe('car');
    expect(cat.csv.required).toEqual(['path']);
  });
});
