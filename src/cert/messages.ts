/** Error messages shown to agents: Portuguese, saying what is wrong and what to do next. */

export const MESSAGES = {
	empty: 'Nada para decodificar: cole o texto do campo “Outro Nome” ou escolha o arquivo do certificado (.cer, .crt, .pem, .der, .p7b).',
	unrecognised:
		'Não reconheci o texto colado: esperava bytes em hexadecimal (ex.: 31 32 33) ou um certificado PEM/DER.',
	digitsOnly:
		'Digite a matrícula CEI com 12 dígitos (ex.: 11.583.00249/85) ou cole os bytes em hexadecimal separados por espaço (ex.: 31 32 33).',
	oddHex: 'Os bytes em hexadecimal estão incompletos (número ímpar de dígitos): copie o valor inteiro outra vez.',
	notText:
		'Os bytes colados não formam texto: esperava os bytes do campo “Outro Nome” (ex.: 31 32 33 = “123”) ou um certificado PEM/DER.',
	brokenPem:
		'O certificado PEM está incompleto ou corrompido: copie o arquivo inteiro, de -----BEGIN CERTIFICATE----- até -----END CERTIFICATE-----.',
	pemWithoutCertificate: 'O bloco PEM não contém um certificado X.509 legível: escolha o arquivo do certificado (.cer, .crt, .pem).',
	privateKey:
		'Isto é uma chave privada, não um certificado: não a compartilhe. Peça ao cliente apenas o certificado (.cer, .crt, .pem), que não tem segredo.',
	notCertificateFile:
		'O arquivo não é um certificado X.509 (DER/PEM) nem um pacote PKCS#7 (.p7b) legível: escolha o arquivo .cer, .crt, .pem, .der ou .p7b do certificado.',
	opensslUnsupported:
		'O openssl mostra “<unsupported>” no lugar da matrícula CEI (valor em OCTET STRING): abra o arquivo do certificado aqui ou cole o texto do campo “Outro Nome” do Windows.',
	tooBig: (size: string) =>
		`A entrada tem ${size}; um certificado ou o texto do campo “Outro Nome” tem poucos KB. Escolha o arquivo do certificado ou copie só o campo.`,
	tooManyEntries: (max: number) =>
		`O texto tem mais de ${max} campos com OID; um certificado tem poucos. Copie só o conteúdo de “Nome Alternativo para o Requerente”.`,
	noEntries:
		'Não encontrei nenhum campo “Outro Nome” no texto: copie o conteúdo de “Nome Alternativo para o Requerente” ou escolha o arquivo do certificado.',
} as const;
