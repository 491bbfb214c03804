import { describe, it, expect } from 'vitest';
import { bestClustering, scalar, shortDate } from '../../../../src/renderer/components/runs/runColumns';

describe('runColumns', () => {
  it('bestClustering picks the highest finite accuracy', () => {
    const scalars = { 'clustering.kmeans-rows.accuracy': 0.7, 'clustering.spectral.accuracy': 0.91, 'clustering.spectral.ari': 0.99, 'clustering.kernel-kmeans.accuracy': null };
    expect(bestClustering({ scalars })).toEqual({ method: 'spectral', accuracy: 0.91 });
    expect(bestClustering({ scalars: {} })).toBeNull();
  });
  it('scalar formats or dashes', () => {
    expect(scalar({ scalars: { a: -0.83456 } }, 'a')).toBe('-0.835');
    expect(scalar({ scalars: { a: null } }, 'a')).toBe('—');
    expect(scalar({ scalars: {} }, 'b')).toBe('—');
  });
  it('shortDate', () => {
    expect(shortDate(null)).toBe('—');
    expect(shortDate('nonsense')).toBe('nonsense');
    expect(shortDate('2024-03-05T07:08:00')).toBe('2024-03-05 07:08');
  });
});
