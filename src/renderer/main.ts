// Renderer entry: connect the API (preload or HTTP), install Pinia, keep the URL hash and the
// stores in step with pushed events, mount the app.
import { createApp, watch } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { connectApi } from './api/connect';
import { subscribe } from './api';
import { useNavStore } from './stores/nav';
import { useJobsStore } from './stores/jobs';
import { useRunsStore } from './stores/runs';
import { useRunDetailStore } from './stores/runDetail';
import './styles.css';

const { mode } = connectApi();
const pinia = createPinia();
const app = createApp(App, { mode });
app.use(pinia);

const nav = useNavStore();
nav.fromHash(window.location.hash);
watch(
  () => nav.hash,
  (hash) => {
    if (window.location.hash !== hash) history.pushState(null, '', hash);
  },
);
window.addEventListener('popstate', () => nav.fromHash(window.location.hash));

const jobs = useJobsStore();
const runs = useRunsStore();
const detail = useRunDetailStore();
void jobs.load();
jobs.listen();
subscribe('runs:changed', ({ ids }) => {
  if (runs.loaded) void runs.load();
  if (detail.id !== null && (!ids || ids.includes(detail.id))) void detail.open(detail.id, true);
});
subscribe('job:done', () => {
  if (runs.loaded) void runs.load();
});

app.mount('#app');
