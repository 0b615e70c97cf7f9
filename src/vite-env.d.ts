/// <reference types="vite/client" />

declare const __APP_VERSION__: string;

/** The bundled grids' ids and versions (scripts/vite/grid-versions.ts). */
declare module 'virtual:bundled-grid-versions' {
  const versions: Readonly<Record<string, { readonly version: string; readonly path: string }>>;
  export default versions;
}
