/**
 * Token buckets per key (message type and tab): `capacity` at once, refilled at `perMinute`. Kept in the
 * service worker's memory, so a stopped worker starts with full buckets; that bounds a burst, not a day.
 */
export interface RateLimit {
	capacity: number;
	perMinute: number;
}

export function createRateLimiter(now: () => number = Date.now) {
	const buckets = new Map<string, { tokens: number; at: number }>();
	return {
		/** Takes `cost` tokens, or says how long until there would be enough. */
		take(key: string, limit: RateLimit, cost = 1): { ok: true } | { ok: false; retryAfterMs: number } {
			const t = now();
			const bucket = buckets.get(key) ?? { tokens: limit.capacity, at: t };
			bucket.tokens = Math.min(limit.capacity, bucket.tokens + ((t - bucket.at) * limit.perMinute) / 60_000);
			bucket.at = t;
			buckets.set(key, bucket);
			if (cost <= bucket.tokens) {
				bucket.tokens -= cost;
				return { ok: true };
			}
			return { ok: false, retryAfterMs: Math.ceil(((Math.min(cost, limit.capacity) - bucket.tokens) * 60_000) / limit.perMinute) };
		},
		/** A tab that closed: its buckets go. */
		forgetTab(tabId: number) {
			for (const key of buckets.keys()) if (key.endsWith(`@${tabId}`)) buckets.delete(key);
		},
	};
}
