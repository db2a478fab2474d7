// Minutes as "2 h 30 min" (or "–15 min" when over), in the viewer's language.
import { useT } from '../../shared/texts';
import { splitMinutes } from '../state/duration';

export function useDuration(): (minutes: number) => string {
  const t = useT();
  return (total) => {
    const { negative, hours, minutes } = splitMinutes(total);
    const text = hours > 0 ? (minutes > 0 ? t('admin.duration.hm', { h: hours, m: minutes }) : t('admin.duration.h', { h: hours })) : t('admin.duration.m', { m: minutes });
    return negative ? `−${text}` : text;
  };
}
