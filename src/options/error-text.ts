/** What went wrong, short, for a status line (the message comes from the browser or storage). */
export const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));
