import browser from 'webextension-polyfill';
import type { RegistrationApi } from './registration.ts';

/** The real browser APIs in the shape registration.ts takes (the polyfill's types are wider). */
export const registrationApi: RegistrationApi = {
	scripting: {
		registerContentScripts: (scripts) => browser.scripting.registerContentScripts(scripts),
		unregisterContentScripts: (filter) => browser.scripting.unregisterContentScripts(filter),
		getRegisteredContentScripts: (filter) => browser.scripting.getRegisteredContentScripts(filter),
		executeScript: (injection) => browser.scripting.executeScript(injection),
	},
	permissions: { getAll: () => browser.permissions.getAll() },
	tabs: { query: (query) => browser.tabs.query(query) },
};
