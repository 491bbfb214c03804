// Lets type-aware ESLint (which does not run vue-tsc) see .vue imports as components;
// vue-tsc itself resolves the real SFC types.
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}
