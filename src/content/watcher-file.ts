/**
 * Where the build puts the classic content script (src/content/watcher.ts, one IIFE file without imports):
 * the manifest's content_scripts entry and the run-time registrations for self-hosted origins name it.
 */
export const WATCHER_FILE = 'content/watcher.js';
