// The service worker: kept minimal; features register their listeners here.
export {};
