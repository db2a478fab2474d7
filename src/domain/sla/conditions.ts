// Whether one timeline event meets a start or stop condition. Status conditions are transitions: the
// creation event only meets `created`, never "entered its first status".
import type { Condition, StatusCategory, TimelineEvent } from './types';

/** The status around one event; names are lower-cased. */
export interface Transition {
  fromStatus: string;
  toStatus: string;
  fromCategory: StatusCategory;
  toCategory: StatusCategory;
}

export function meetsAny(conditions: readonly Condition[], event: TimelineEvent, change: Transition): boolean {
  for (let i = 0; i < conditions.length; i++) {
    if (meets(conditions[i] as Condition, event, change)) return true;
  }
  return false;
}

function meets(c: Condition, event: TimelineEvent, change: Transition): boolean {
  switch (c.event) {
    case 'created':
      return event.type === 'created';
    case 'status':
      return event.type === 'status' && change.toStatus === c.to && change.fromStatus !== c.to;
    case 'statusCategory':
      return (
        event.type === 'status' &&
        change.fromCategory !== change.toCategory &&
        (c.to === undefined || change.toCategory === c.to) &&
        (c.from === undefined || change.fromCategory === c.from)
      );
    case 'comment':
      return (
        event.type === 'comment' &&
        (c.author === undefined || event.author === c.author) &&
        (c.public === undefined || event.public === c.public)
      );
    case 'assigned':
      return event.type === 'assigned' && event.to !== null;
  }
}
