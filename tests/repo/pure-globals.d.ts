// The few globals the pure cores (src/sop, src/cert) may use: the same in browsers, workers and Node, with
// no DOM behind them. tests/repo/architecture.test.ts type-checks the cores with these and the ES library
// only, so `document`, `window`, `HTMLElement`, `chrome`… do not exist there.
declare class TextDecoder {
	constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
	readonly encoding: string;
	decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
}
declare class TextEncoder {
	encode(input?: string): Uint8Array;
}
declare function atob(data: string): string;
declare function btoa(data: string): string;
