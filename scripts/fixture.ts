// npm run fixture -- add skeleton.json: stores a form skeleton copied from a real installation as a test fixture.
import { addSkeleton } from '../tests/fixtures/skeletons/store.ts';

const [command, file] = process.argv.slice(2);
if (command !== 'add' || !file) {
	console.error('uso: npm run fixture -- add esqueleto.json');
	process.exit(2);
}
try {
	console.log(`guardado: ${addSkeleton(file)}`);
} catch (error) {
	console.error(error instanceof Error ? error.message : String(error));
	process.exit(1);
}
