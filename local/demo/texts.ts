// Ticket summaries, descriptions, comments and worklog notes. Templates take `{slot}`s filled from the customer's
// vocabulary, so an Alpenbank ticket talks about the e-banking portal and a Liberty one about POS terminals.

import type { Vocabulary, IssueTypeKey } from './company';
import { pick, type Rng } from './rng';

export interface TextContext {
  rng: Rng;
  vocabulary: Vocabulary;
  component: string;
}

const SUMMARIES: Record<IssueTypeKey, string[]> = {
  incident: [
    '{app} not reachable from {site}',
    'Users at {site} cannot log in to {app}',
    '{app} very slow since this morning',
    'Error 500 when opening {app}',
    'VPN drops every few minutes for {team}',
    'Disk space alert on {server}',
    'Backup job failed on {server}',
    'TLS certificate warning on {host}',
    'Emails to external recipients delayed',
    '{person} locked out of their account',
    'Wi-Fi unstable on the 2nd floor at {site}',
    'Printer queue stuck at {site}',
    '{component}: service down for {team}',
    'High CPU on {server}, {app} timing out',
    'Shared drive not mapped after login at {site}',
    '{app} crashes when exporting reports',
    'MFA prompts not arriving for {team}',
  ],
  request: [
    'New laptop for {person}',
    'Onboarding: {person} joins {team} next week',
    'Access to {app} for {person}',
    'Add {person} to the {team} distribution list',
    'Increase mailbox quota for {person}',
    'Install reporting add-in for {team}',
    'Offboarding: disable accounts of {person}',
    'New VPN token for {person}',
    'Create shared folder for {team}',
    'Firewall opening for {host}',
    'Reset MFA for {person}',
    'Additional monitor for {person} at {site}',
  ],
  change: [
    'Monthly security patching of {server}',
    'Upgrade {app} to the next minor release',
    'Renew TLS certificate for {host}',
    'Replace core switch at {site}',
    'Migrate {app} database to the new cluster',
    'Decommission {server}',
    'Firewall rule clean-up for {site}',
    'Increase storage of {server} by 500 GB',
    'Move {app} to the new load balancer',
  ],
  problem: [
    'Recurring {app} timeouts on Monday mornings',
    'Root cause for repeated backup failures on {server}',
    'Intermittent packet loss between {site} and the data centre',
    'Memory leak suspected in {app}',
    'Repeated account lockouts for {team}',
  ],
  task: [
    'Monthly service report',
    'Quarterly access review for {app}',
    'Test restore of {server}',
    'Update runbook for {app}',
    'Review firewall logs for {site}',
    'Capacity review for {component}',
    'Licence true-up for {app}',
  ],
};

const DESCRIPTIONS: Record<IssueTypeKey, string[]> = {
  incident: [
    'Since about {time} several colleagues in {team} report the problem. We already restarted the client; no change. Please check urgently.',
    'Users at {site} see the error every time they open {app}. Screenshot available on request. Impact: about {count} users.',
    'Monitoring shows the alert since {time}. Nothing was changed on our side as far as we know.',
    'Started after the weekend. Affects {team} at {site}; other sites seem fine.',
  ],
  request: [
    'Please set this up by {day}. Cost centre {count}00, approved by the team lead.',
    '{person} starts on {day} in {team}. Same permissions as the rest of the team, please.',
    'Needed for the project starting {day}. Let me know if you need an approval.',
  ],
  change: [
    'Planned change. Risk: low. Rollback: restore from snapshot. Proposed window: {day} evening.',
    'Vendor advisory recommends this update. Please plan it in the next maintenance window and inform {team}.',
  ],
  problem: [
    'Linked to several incidents over the past weeks. Goal: find the root cause and a permanent fix.',
    'Pattern seen in monitoring: same symptom every few days. Needs analysis.',
  ],
  task: [
    'Recurring task as agreed in the contract.',
    'Internal housekeeping; results go into the next service review.',
  ],
};

const TIMES = ['07:45', '08:10', '08:30', '09:15', '10:40', '11:05', '13:20', '14:50', '16:10'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'the 1st', 'the 15th'];

function fill(ctx: TextContext, template: string): string {
  const { rng, vocabulary: v } = ctx;
  return template.replace(/\{(\w+)\}/g, (_, slot: string) => {
    switch (slot) {
      case 'app': return pick(rng, v.apps);
      case 'site': return pick(rng, v.sites);
      case 'server': return pick(rng, v.servers);
      case 'host': return pick(rng, v.hosts);
      case 'team': return pick(rng, v.teams);
      case 'person': return pick(rng, v.people);
      case 'component': return ctx.component;
      case 'time': return pick(rng, TIMES);
      case 'day': return pick(rng, DAYS);
      case 'count': return String(3 + Math.floor(rng() * 60));
      default: return slot;
    }
  });
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export function summary(ctx: TextContext, type: IssueTypeKey): string {
  return capitalise(fill(ctx, pick(ctx.rng, SUMMARIES[type])));
}

export function description(ctx: TextContext, type: IssueTypeKey): string {
  return fill(ctx, pick(ctx.rng, DESCRIPTIONS[type]));
}

const firstName = (name: string): string => name.split(' ')[0] ?? name;

/** Comment texts by occasion. `german` lets Swiss contacts write some of their comments in German. */
export const comments = {
  firstResponse: (ctx: TextContext, reporter: string): string =>
    pick(ctx.rng, [
      `Hi ${firstName(reporter)}, thanks for reporting this. I'm looking into it now and will update you shortly.`,
      `Hello ${firstName(reporter)}, we have picked this up and are checking ${ctx.component.toLowerCase()} right away.`,
      `Hi ${firstName(reporter)}, thanks. I can reproduce the problem and am working on it.`,
      `Thanks ${firstName(reporter)}, we are on it. Next update within the hour.`,
    ]),
  askInfo: (ctx: TextContext, reporter: string): string =>
    pick(ctx.rng, [
      `Hi ${firstName(reporter)}, could you send us a screenshot of the error and the time it last happened?`,
      `Could you confirm which users are affected and whether they work from ${pick(ctx.rng, ctx.vocabulary.sites)}?`,
      `We need an approval from your side before we continue. Could you confirm?`,
      `Can you please try again after a restart and let us know if the issue persists?`,
    ]),
  customerReply: (ctx: TextContext, german: boolean): string =>
    german && ctx.rng() < 0.5
      ? pick(ctx.rng, [
          'Guten Tag, anbei die gewünschten Angaben. Der Fehler trat zuletzt heute Morgen auf.',
          'Danke für die Rückmeldung. Betroffen sind alle Mitarbeitenden im Team.',
          'Freigabe erteilt, bitte fortfahren.',
        ])
      : pick(ctx.rng, [
          'Here is the screenshot, it happened again at about 09:40.',
          `It affects everyone in ${pick(ctx.rng, ctx.vocabulary.teams)}.`,
          'Approved, please go ahead.',
          'Restarted, still the same error.',
          'Sorry for the delay, was out of office. Details attached.',
        ]),
  noReply: (ctx: TextContext): string =>
    pick(ctx.rng, [
      "We haven't heard back from you, so we are resolving this ticket. Just reply if you still need help.",
      'Resolving for now as there was no reply. Feel free to reopen.',
    ]),
  customerChaser: (ctx: TextContext): string =>
    pick(ctx.rng, ['Any update on this?', 'This is now blocking the team, please prioritise.', 'Is there an ETA?']),
  escalation: (ctx: TextContext): string =>
    pick(ctx.rng, [
      `This now affects all of ${pick(ctx.rng, ctx.vocabulary.teams)}, please treat it as urgent.`,
      'Management is asking about this one, can we speed it up?',
    ]),
  resolve: (ctx: TextContext): string =>
    pick(ctx.rng, [
      'We restarted the service and cleared the cache; everything responds normally again. Please let us know if you still see problems.',
      `The configuration on ${pick(ctx.rng, ctx.vocabulary.servers)} has been corrected. Resolving this ticket.`,
      'Done as requested. Please check and let us know if anything is missing.',
      'Root cause was an expired credential, which we have renewed and added to monitoring.',
    ]),
  changeDone: (ctx: TextContext): string =>
    pick(ctx.rng, [
      'Completed during the maintenance window without issues.',
      'Change implemented and verified. Monitoring shows normal values.',
      'Done; rollback was not needed. Post-change checks passed.',
    ]),
  thanks: (ctx: TextContext, german: boolean): string =>
    german && ctx.rng() < 0.5
      ? pick(ctx.rng, ['Funktioniert wieder, vielen Dank!', 'Besten Dank für die schnelle Hilfe.'])
      : pick(ctx.rng, ['Works again, thank you!', 'Confirmed, all good now.', 'Thanks for the quick help.']),
  reopen: (ctx: TextContext): string =>
    pick(ctx.rng, [
      'Sorry, the problem is back since this morning.',
      'Still happening for some users, please have another look.',
      'Not fixed for the users at ' + pick(ctx.rng, ctx.vocabulary.sites) + '.',
    ]),
  internalNote: (ctx: TextContext): string =>
    pick(ctx.rng, [
      `Checked event logs on ${pick(ctx.rng, ctx.vocabulary.servers)}: repeated authentication failures since the last patch.`,
      'Vendor case opened, waiting for their analysis.',
      'Workaround in place; permanent fix needs a change.',
      `Looks related to the network change at ${pick(ctx.rng, ctx.vocabulary.sites)} last week.`,
      'Customer called, wants a status update by end of day.',
      'Not our fault: third-party outage. Consider marking non-billable.',
      'Reproduced in the test environment.',
    ]),
  handover: (ctx: TextContext, to: string): string =>
    pick(ctx.rng, [
      `Handing over to ${to}, who knows the ${ctx.component.toLowerCase()} setup better.`,
      `${to} takes over while I am on another priority.`,
    ]),
  priorityUp: (ctx: TextContext): string =>
    pick(ctx.rng, ['Raised priority: more users affected than first reported.', 'Raising priority after the customer call.']),
  priorityDown: (ctx: TextContext): string =>
    pick(ctx.rng, ['Lowered priority: workaround available.', 'Only one user affected, lowering priority.']),
  changePlanned: (ctx: TextContext, when: string): string =>
    pick(ctx.rng, [`Approved by CAB. Planned for ${when}.`, `Scheduled for the maintenance window on ${when}. We will confirm when done.`]),
};

export function worklogComment(ctx: TextContext): string {
  return pick(ctx.rng, [
    'Analysis',
    'Investigated logs',
    'Call with customer',
    'Implemented fix',
    'Testing',
    'Documentation',
    'Coordination with vendor',
    'Maintenance window work',
    'Follow-up and monitoring',
    `Checked ${pick(ctx.rng, ctx.vocabulary.servers)}`,
  ]);
}
