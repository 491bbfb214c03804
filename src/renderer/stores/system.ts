// The status page: compute backend, data and database locations, versions.
import { defineStore } from 'pinia';
import type { SystemStatus } from '../../shared/contract';
import { errorMessage, request } from '../api';

export const useSystemStore = defineStore('system', {
  state: (): { status: SystemStatus | null; loading: boolean; error: string | null } => ({ status: null, loading: false, error: null }),
  actions: {
    async load(): Promise<void> {
      this.loading = true;
      try {
        this.status = await request('system:status');
        this.error = null;
      } catch (err) {
        this.error = errorMessage(err);
      } finally {
        this.loading = false;
      }
    },
  },
});
