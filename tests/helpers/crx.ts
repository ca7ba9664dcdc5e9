// Reads a CRX3 file the way Chromium verifies one, to check what `npm run package` signed: the header's
// public key, its RSA signature over the archive, and the id the header declares (crx_id).
import { createHash, createPublicKey, verify } from 'node:crypto';

export interface Crx3 {
	publicKeys: Buffer[];
	/** The 16-byte crx_id of the signed header, as an extension id (a-p). */
	declaredId: string;
	/** Whether some RSA proof's key verifies its signature over the signed data and the archive. */
	signatureValid: boolean;
	/** The id computed from the verified public key. */
	keyId: string | undefined;
	archive: Buffer;
}

/** Length-delimited and varint fields of a protobuf message, by field number (enough for CRX headers). */
function fields(buf: Buffer): Map<number, Buffer[]> {
	const out = new Map<number, Buffer[]>();
	let at = 0;
	const varint = () => {
		let value = 0;
		let shift = 0;
		for (;;) {
			const byte = buf[at++]!;
			value += (byte & 0x7f) * 2 ** shift;
			if (byte < 0x80) return value;
			shift += 7;
		}
	};
	while (at < buf.length) {
		const tag = varint();
		const [field, wire] = [Math.floor(tag / 8), tag % 8];
		if (wire === 2) {
			const length = varint();
			out.set(field, [...(out.get(field) ?? []), buf.subarray(at, at + length)]);
			at += length;
		} else if (wire === 0) varint();
		else throw new Error(`unexpected protobuf wire type ${wire}`);
	}
	return out;
}

const asId = (bytes: Uint8Array) => [...Buffer.from(bytes).toString('hex')].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');

export function readCrx3(file: Buffer): Crx3 {
	if (file.subarray(0, 4).toString('latin1') !== 'Cr24') throw new Error('not a CRX (magic)');
	if (file.readUInt32LE(4) !== 3) throw new Error(`CRX version ${file.readUInt32LE(4)}, expected 3`);
	const headerSize = file.readUInt32LE(8);
	const header = fields(file.subarray(12, 12 + headerSize));
	const archive = file.subarray(12 + headerSize);
	const signedHeaderData = header.get(10000)?.[0];
	if (!signedHeaderData) throw new Error('CRX header without signed_header_data');
	const crxId = fields(signedHeaderData).get(1)?.[0];
	if (!crxId || crxId.length !== 16) throw new Error('signed header without a 16-byte crx_id');
	const size = Buffer.alloc(4);
	size.writeUInt32LE(signedHeaderData.length);
	const signed = Buffer.concat([Buffer.from('CRX3 SignedData\x00', 'latin1'), size, signedHeaderData, archive]);
	const proofs = (header.get(2) ?? []).map((p) => fields(p)).map((p) => ({ key: p.get(1)?.[0], signature: p.get(2)?.[0] }));
	const verified = proofs.find(
		(p) => p.key && p.signature && verify('sha256', signed, createPublicKey({ key: p.key, format: 'der', type: 'spki' }), p.signature),
	);
	return {
		publicKeys: proofs.flatMap((p) => (p.key ? [p.key] : [])),
		declaredId: asId(crxId),
		signatureValid: verified !== undefined,
		keyId: verified?.key ? asId(createHash('sha256').update(verified.key).digest().subarray(0, 16)) : undefined,
		archive,
	};
}
