/**
 * Everything the popup needs once something was pasted or dropped: the decoder (with asn1js, most of the
 * popup's code) and the views of its result. One lazy chunk, loaded after the paste box has been painted.
 */
export { decode, refuseBySize } from '../cert/decode.ts';
export { Entries } from './Entries.tsx';
export { SemCei } from './SemCei.tsx';
export { verdictOf } from './verdict-of.ts';
