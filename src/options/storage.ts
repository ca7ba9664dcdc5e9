import browser from 'webextension-polyfill';
import type { StorageArea, StorageEvents } from '../storage/area.ts';

/** storage.local for the options page's modules, which take the area as a parameter (tests pass a fake). */
export const local = browser.storage.local as unknown as StorageArea;
export const storageEvents = browser.storage.onChanged as unknown as StorageEvents;
