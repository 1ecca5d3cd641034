// A static, client-rendered dashboard: MapLibre needs the browser, and adapter-static writes
// one prerendered shell that loads the bundled geodata at run time.
export const prerender = true;
export const ssr = false;
