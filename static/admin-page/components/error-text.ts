// One sentence for a failed answer: who changed the record meanwhile (in the viewer's time), else the server's
// own message.
import type { ResolverError } from '@contract/result';
import type { Translate } from '../../shared/locale';
import { formatRecentInstant, type Viewer } from '../state/format';

export function errorText(error: ResolverError, t: Translate, viewer: Viewer): string {
  return error.code === 'CONFLICT' && error.conflict
    ? t('admin.conflict.changedBy', { name: error.conflict.updatedBy, time: formatRecentInstant(error.conflict.updatedAt, viewer) })
    : error.message;
}
