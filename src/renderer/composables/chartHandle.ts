/** What EChart.vue exposes to its parent (for export buttons). */
export interface ChartHandle {
  png(): string | null;
  svg(): string;
}
