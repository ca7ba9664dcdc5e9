// Content script entry (placeholder until the overlay lands).
export {};
