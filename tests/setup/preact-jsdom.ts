// jsdom files: Preact's hooks run their after-paint work (useEffect) from a Node timer racing an animation
// frame; a timer still pending when the file ends fires after jsdom is torn down and calls
// cancelAnimationFrame, which is gone by then: an unhandled error that fails the whole run. Scheduled on
// jsdom's own animation frames instead, the work is cancelled with the window it belongs to.
import { options } from 'preact';

if (typeof window !== 'undefined') {
	options.requestAnimationFrame = (flush) => void window.requestAnimationFrame(() => flush());
}
