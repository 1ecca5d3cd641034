export function findChromium(): { path: string; how: string } | undefined;
export function ensureChromium(): string | undefined;
