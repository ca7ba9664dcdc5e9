/** The shared sample certificates (../shared/vectors/icp), when they are beside the repository. */
import { resolve } from 'node:path';
import { shared as sharedFolder } from '../../helpers/shared.ts';
import { vectorSet } from './vectors.ts';

const folder = sharedFolder('vectors/icp/expected.json', 'the checks against the shared sample certificates');
export const shared = vectorSet('../shared/vectors/icp', resolve(folder.path, '..'), folder.present);
