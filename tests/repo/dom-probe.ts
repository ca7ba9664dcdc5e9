// Positive control of tests/repo/architecture.test.ts: code that needs the DOM. The check type-checks this
// file together with the pure cores and must report it (and only it).
export const pageTitle = (): string => document.title;
export const isElement = (x: unknown): boolean => x instanceof HTMLElement;
