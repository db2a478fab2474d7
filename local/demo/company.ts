// The fixed parts of the demo company: the managed-services provider's staff, its six customers, their Jira
// projects, and Jira's statuses, transitions, priorities, issue types and resolutions. The generator adds the
// history; the README cites these tables.

import type { SeedIssueType, SeedPriority, SeedResolution, SeedStatus, SeedTransition } from '../jira/seed';
import type { HolidayRule } from './holidays';
import type { WeeklyHours } from './calendar';
import type { CustomerProfile, DemoContract, DemoRole, DemoTier, PriorityName } from './types';

/** The demo's default "now" (a Wednesday: 16:00 in Zurich, 10:00 in New York, 19:30 in Kolkata). */
export const DEFAULT_DEMO_ANCHOR = '2026-06-10T14:00:00Z';
export const DEFAULT_DEMO_SEED = 20260610;
export const DEFAULT_ISSUES = 400;
export const DEFAULT_WORKLOGS_PER_ISSUE = 7;

export const PROVIDER_NAME = 'Bluepeak Managed Services';
export const STAFF_DOMAIN = 'demo.example';

export const GROUPS = {
  admins: 'jira-admins',
  staff: 'service-team',
  serviceManagers: 'service-managers',
  customer: (customerKey: string): string => `customer-${customerKey}`,
} as const;

// Jira's usual ids for the classic statuses; the waiting status is a custom one, hence a 5-digit id.
export const STATUS = { open: '1', inProgress: '3', waiting: '10002', resolved: '5', closed: '6' } as const;
export const STATUSES: SeedStatus[] = [
  { id: STATUS.open, name: 'Open', category: 'new' },
  { id: STATUS.inProgress, name: 'In Progress', category: 'indeterminate' },
  { id: STATUS.waiting, name: 'Waiting for customer', category: 'indeterminate' },
  { id: STATUS.resolved, name: 'Resolved', category: 'done' },
  { id: STATUS.closed, name: 'Closed', category: 'done' },
];

/** Global transitions: each can be taken from any other status. */
export const TRANSITIONS: SeedTransition[] = [
  { id: '11', name: 'Back to open', toStatusId: STATUS.open },
  { id: '21', name: 'Start progress', toStatusId: STATUS.inProgress },
  { id: '31', name: 'Wait for customer', toStatusId: STATUS.waiting },
  { id: '41', name: 'Resolve', toStatusId: STATUS.resolved },
  { id: '51', name: 'Close', toStatusId: STATUS.closed },
];

export const PRIORITY_NAMES: PriorityName[] = ['Highest', 'High', 'Medium', 'Low', 'Lowest'];
/** Jira's default priority ids: 1 = Highest ... 5 = Lowest. */
export const PRIORITIES: SeedPriority[] = PRIORITY_NAMES.map((name, i) => ({ id: String(i + 1), name }));

export const ISSUE_TYPE = { incident: '10001', request: '10002', change: '10003', problem: '10004', task: '10005' } as const;
export type IssueTypeKey = keyof typeof ISSUE_TYPE;
export const ISSUE_TYPES: SeedIssueType[] = [
  { id: ISSUE_TYPE.incident, name: 'Incident', subtask: false },
  { id: ISSUE_TYPE.request, name: 'Service request', subtask: false },
  { id: ISSUE_TYPE.change, name: 'Change', subtask: false },
  { id: ISSUE_TYPE.problem, name: 'Problem', subtask: false },
  { id: ISSUE_TYPE.task, name: 'Task', subtask: false },
];

/** Jira Cloud's default resolutions (the emulator uses the same ids when a seed gives none). */
export const RESOLUTION = { done: '10000', wontDo: '10001', duplicate: '10002', cannotReproduce: '10003' } as const;
export const RESOLUTIONS: SeedResolution[] = [
  { id: RESOLUTION.done, name: 'Done', description: 'Work has been completed on this issue.' },
  { id: RESOLUTION.wontDo, name: "Won't Do", description: "This issue won't be actioned." },
  { id: RESOLUTION.duplicate, name: 'Duplicate', description: 'The problem is a duplicate of an existing issue.' },
  { id: RESOLUTION.cannotReproduce, name: 'Cannot Reproduce', description: 'All attempts at reproducing this issue failed.' },
];

export interface StaffMember {
  accountId: string;
  name: string;
  email: string;
  role: Exclude<DemoRole, 'customer'>;
  title: string;
  timeZone: string;
  locale: string;
  /** Office hours and public holidays, for on-shift choices and worklog times. */
  office: WeeklyHours;
  holidayRule: HolidayRule;
}

const hours = (days: number[], start: string, end: string): WeeklyHours => ({
  days,
  startMinute: toMinute(start),
  endMinute: toMinute(end),
});

export function toMinute(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

const WEEKDAYS = [1, 2, 3, 4, 5];
const ZRH = 'Europe/Zurich';
const NYC = 'America/New_York';
const IND = 'Asia/Kolkata';

function staff(
  slug: string,
  name: string,
  role: StaffMember['role'],
  title: string,
  timeZone: string,
  locale: string,
  office: WeeklyHours,
  holidayRule: HolidayRule,
): StaffMember {
  return { accountId: `712020:${slug}`, name, email: `${slug}@${STAFF_DOMAIN}`, role, title, timeZone, locale, office, holidayRule };
}

const zrhOffice = hours(WEEKDAYS, '08:00', '17:00');
const nycOffice = hours(WEEKDAYS, '08:00', '17:00');
const indOffice = hours(WEEKDAYS, '09:00', '18:00');

export const ADMIN = staff('morgan.keller', 'Morgan Keller', 'admin', 'Jira administrator', ZRH, 'en-GB', zrhOffice, 'CH-ZH');

export const SERVICE_MANAGERS = {
  sofia: staff('sofia.brandt', 'Sofia Brandt', 'service-manager', 'Service manager, Europe', ZRH, 'de-CH', zrhOffice, 'CH-ZH'),
  daniel: staff('daniel.okafor', 'Daniel Okafor', 'service-manager', 'Service manager, Americas', NYC, 'en-US', nycOffice, 'US-FED'),
  priya: staff('priya.raman', 'Priya Raman', 'service-manager', 'Service manager, India', IND, 'en-IN', indOffice, 'IN-KA'),
} as const;

export const ENGINEERS = {
  lukas: staff('lukas.meier', 'Lukas Meier', 'engineer', 'Senior systems engineer', ZRH, 'de-CH', zrhOffice, 'CH-ZH'),
  anna: staff('anna.schmid', 'Anna Schmid', 'engineer', 'Network engineer', ZRH, 'de-CH', zrhOffice, 'CH-ZH'),
  jonas: staff('jonas.weber', 'Jonas Weber', 'engineer', 'Systems engineer', ZRH, 'de-DE', zrhOffice, 'CH-ZH'),
  emily: staff('emily.carter', 'Emily Carter', 'engineer', 'Senior cloud engineer', NYC, 'en-US', nycOffice, 'US-FED'),
  james: staff('james.whitfield', 'James Whitfield', 'engineer', 'Systems engineer', NYC, 'en-US', nycOffice, 'US-FED'),
  carlos: staff('carlos.mendoza', 'Carlos Mendoza', 'engineer', 'Database engineer', NYC, 'en-US', nycOffice, 'US-FED'),
  arjun: staff('arjun.mehta', 'Arjun Mehta', 'engineer', 'Application support engineer', IND, 'en-IN', indOffice, 'IN-KA'),
  kavya: staff('kavya.iyer', 'Kavya Iyer', 'engineer', 'Systems engineer', IND, 'en-IN', indOffice, 'IN-KA'),
} as const;

export const STAFF: StaffMember[] = [ADMIN, ...Object.values(SERVICE_MANAGERS), ...Object.values(ENGINEERS)];
export const ENGINEER_LIST: StaffMember[] = Object.values(ENGINEERS);

export interface ContactSpec {
  slug: string;
  name: string;
  role: string;
  locale: string;
}

export interface ProjectSpec {
  id: string;
  key: string;
  name: string;
  components: string[];
  /** Share of the customer's issues. */
  share: number;
  /** Relative weights of issue types. */
  typeMix: Record<IssueTypeKey, number>;
}

/** Words the summaries and comments use, so each customer's tickets read like their business. */
export interface Vocabulary {
  sites: string[];
  apps: string[];
  servers: string[];
  hosts: string[];
  teams: string[];
  people: string[];
}

export interface CustomerSpec extends CustomerProfile {
  emailDomain: string;
  /** When the customer's people work (raise tickets, answer questions); for 24x7 customers wider than nothing. */
  office: WeeklyHours;
  serviceManager: StaffMember;
  /** Engineers who usually work this customer's tickets (same region). */
  engineers: StaffMember[];
  contacts: ContactSpec[];
  projects: ProjectSpec[];
  /** Relative ticket volume. */
  volume: number;
  vocabulary: Vocabulary;
}

const SERVICE_DESK_MIX: Record<IssueTypeKey, number> = { incident: 48, request: 38, change: 5, problem: 3, task: 6 };

type Targets = DemoContract['slaTargets'];
const targets = (fr: number[], res: number[]): Targets => {
  const byName = (xs: number[]): Record<PriorityName, number> =>
    Object.fromEntries(PRIORITY_NAMES.map((p, i) => [p, xs[i] ?? 0])) as Record<PriorityName, number>;
  return { firstResponseMinutes: byName(fr), resolutionMinutes: byName(res) };
};

/** SLA targets by tier, in working minutes of the customer's support hours. */
export const TIER_SLA_TARGETS: Record<DemoTier, Targets> = {
  platinum: targets([15, 30, 60, 240, 480], [240, 480, 1440, 7200, 10080]),
  gold: targets([30, 60, 120, 480, 960], [480, 960, 2400, 4800, 7200]),
  silver: targets([60, 120, 240, 960, 1440], [960, 1440, 3600, 7200, 12000]),
  bronze: targets([120, 240, 480, 1440, 2400], [1440, 2400, 4800, 9600, 14400]),
};

const NON_BILLABLE = ['non-billable', 'warranty'];

export const CUSTOMERS: CustomerSpec[] = [
  {
    key: 'alpenbank',
    name: 'Alpenbank AG',
    tier: 'platinum',
    timeZone: ZRH,
    country: 'CH',
    city: 'Zurich',
    industry: 'Private banking',
    emailDomain: 'alpenbank.example',
    holidayRule: 'CH-ZH',
    supportHours: { coverage: '24x7' },
    office: hours(WEEKDAYS, '07:30', '18:30'),
    serviceManager: SERVICE_MANAGERS.sofia,
    engineers: [ENGINEERS.lukas, ENGINEERS.anna, ENGINEERS.jonas],
    contacts: [
      { slug: 'reto.huber', name: 'Reto Huber', role: 'Head of IT Operations', locale: 'de-CH' },
      { slug: 'claudia.steiner', name: 'Claudia Steiner', role: 'E-banking service owner', locale: 'de-CH' },
    ],
    projects: [
      {
        id: '10000', key: 'ALP', name: 'Alpenbank Service Desk', share: 0.7, typeMix: SERVICE_DESK_MIX,
        components: ['E-banking', 'Core banking', 'Workplace', 'Network', 'Email & collaboration', 'Security'],
      },
      {
        id: '10001', key: 'ALPOPS', name: 'Alpenbank Operations', share: 0.3,
        typeMix: { incident: 15, request: 10, change: 40, problem: 15, task: 20 },
        components: ['Data centre', 'Backup', 'Patching', 'Monitoring', 'Database'],
      },
    ],
    volume: 24,
    contract: {
      includedHoursPerMonth: 80, currency: 'CHF', hourlyRate: 185, rounding: { mode: 'up', minutes: 15 },
      nonBillableLabels: NON_BILLABLE, slaTargets: TIER_SLA_TARGETS.platinum,
    },
    vocabulary: {
      sites: ['Zurich head office', 'Basel branch', 'Lugano branch', 'Geneva branch'],
      apps: ['e-banking portal', 'core banking client', 'payment gateway', 'Outlook', 'Teams', 'Citrix workspace', 'market data feed'],
      servers: ['zrh-app-03', 'zrh-db-01', 'zrh-fs-02', 'bsl-dc-01', 'zrh-mq-02'],
      hosts: ['ebanking.alpenbank.example', 'api.alpenbank.example'],
      teams: ['Private Banking', 'Treasury', 'Compliance', 'Back Office'],
      people: ['Nina Frei', 'Marco Bianchi', 'Sandra Keller', 'Thomas Widmer', 'Laura Gerber'],
    },
  },
  {
    key: 'matterhorn',
    name: 'Matterhorn Logistik AG',
    tier: 'gold',
    timeZone: ZRH,
    country: 'CH',
    city: 'Bern',
    industry: 'Logistics',
    emailDomain: 'matterhorn.example',
    holidayRule: 'CH-BE',
    supportHours: { coverage: 'business', days: WEEKDAYS, start: '07:30', end: '18:00' },
    office: hours(WEEKDAYS, '07:30', '18:00'),
    serviceManager: SERVICE_MANAGERS.sofia,
    engineers: [ENGINEERS.anna, ENGINEERS.jonas, ENGINEERS.lukas],
    contacts: [{ slug: 'beat.zimmermann', name: 'Beat Zimmermann', role: 'IT manager', locale: 'de-CH' }],
    projects: [
      {
        id: '10002', key: 'MTH', name: 'Matterhorn IT Support', share: 1, typeMix: SERVICE_DESK_MIX,
        components: ['Warehouse systems', 'ERP', 'Workplace', 'Network', 'Printing'],
      },
    ],
    volume: 14,
    contract: {
      includedHoursPerMonth: 40, currency: 'CHF', hourlyRate: 165, rounding: { mode: 'up', minutes: 15 },
      nonBillableLabels: NON_BILLABLE, slaTargets: TIER_SLA_TARGETS.gold,
    },
    vocabulary: {
      sites: ['Bern depot', 'Visp warehouse', 'Basel hub'],
      apps: ['warehouse management system', 'ERP', 'handheld scanners', 'Outlook', 'label printing service'],
      servers: ['brn-wms-01', 'brn-sql-02', 'vsp-print-01'],
      hosts: ['portal.matterhorn.example'],
      teams: ['Dispatch', 'Customs', 'Finance'],
      people: ['Urs Brunner', 'Sabine Roth', 'Peter Lehmann', 'Jana Moser'],
    },
  },
  {
    key: 'hudson',
    name: 'Hudson Health Partners',
    tier: 'platinum',
    timeZone: NYC,
    country: 'US',
    city: 'New York',
    industry: 'Healthcare',
    emailDomain: 'hudsonhealth.example',
    holidayRule: 'US-FED',
    supportHours: { coverage: '24x7' },
    office: hours(WEEKDAYS, '07:00', '19:00'),
    serviceManager: SERVICE_MANAGERS.daniel,
    engineers: [ENGINEERS.emily, ENGINEERS.james, ENGINEERS.carlos],
    contacts: [
      { slug: 'rachel.goldberg', name: 'Rachel Goldberg', role: 'Director of IT', locale: 'en-US' },
      { slug: 'marcus.johnson', name: 'Marcus Johnson', role: 'Clinical systems lead', locale: 'en-US' },
    ],
    projects: [
      {
        id: '10003', key: 'HUD', name: 'Hudson Health Service Desk', share: 0.7, typeMix: SERVICE_DESK_MIX,
        components: ['Clinical workstations', 'Network', 'Email & collaboration', 'Identity & access', 'Printing'],
      },
      {
        id: '10004', key: 'HUDEHR', name: 'Hudson Health EHR Platform', share: 0.3,
        typeMix: { incident: 45, request: 15, change: 20, problem: 12, task: 8 },
        components: ['EHR application', 'Interfaces', 'Database', 'Reporting'],
      },
    ],
    volume: 24,
    contract: {
      includedHoursPerMonth: 100, currency: 'USD', hourlyRate: 210, rounding: { mode: 'nearest', minutes: 6 },
      nonBillableLabels: NON_BILLABLE, slaTargets: TIER_SLA_TARGETS.platinum,
    },
    vocabulary: {
      sites: ['Manhattan campus', 'Brooklyn clinic', 'Queens outpatient center'],
      apps: ['EHR', 'PACS viewer', 'Outlook', 'Teams', 'badge access system', 'lab interface engine'],
      servers: ['nyc-ehr-app-02', 'nyc-sql-04', 'bkl-fs-01', 'nyc-hl7-01'],
      hosts: ['portal.hudsonhealth.example', 'fhir.hudsonhealth.example'],
      teams: ['Radiology', 'Emergency Department', 'Pharmacy', 'Patient Billing'],
      people: ['Alan Brooks', 'Maria Lopez', 'Kevin Walsh', 'Grace Kim'],
    },
  },
  {
    key: 'liberty',
    name: 'Liberty Street Retail',
    tier: 'bronze',
    timeZone: NYC,
    country: 'US',
    city: 'Newark',
    industry: 'Retail',
    emailDomain: 'libertyretail.example',
    holidayRule: 'US-RETAIL',
    supportHours: { coverage: 'business', days: WEEKDAYS, start: '09:00', end: '17:00' },
    // Stores are open on Saturdays; tickets raised then wait for Monday's support hours.
    office: hours([1, 2, 3, 4, 5, 6], '09:00', '20:00'),
    serviceManager: SERVICE_MANAGERS.daniel,
    engineers: [ENGINEERS.james, ENGINEERS.carlos, ENGINEERS.emily],
    contacts: [{ slug: 'tony.russo', name: 'Tony Russo', role: 'Store operations manager', locale: 'en-US' }],
    projects: [
      {
        id: '10005', key: 'LIB', name: 'Liberty Retail Helpdesk', share: 1, typeMix: SERVICE_DESK_MIX,
        components: ['Point of sale', 'Store network', 'Web shop', 'Workplace'],
      },
    ],
    volume: 9,
    contract: {
      includedHoursPerMonth: 10, currency: 'USD', hourlyRate: 150, rounding: { mode: 'up', minutes: 30 },
      nonBillableLabels: NON_BILLABLE, slaTargets: TIER_SLA_TARGETS.bronze,
    },
    vocabulary: {
      sites: ['Store 12 (Newark)', 'Store 31 (Brooklyn)', 'Store 7 (Hoboken)', 'the distribution center'],
      apps: ['POS terminals', 'web shop', 'inventory app', 'Outlook', 'loyalty program backend'],
      servers: ['lib-pos-hub', 'lib-web-01', 'lib-inv-02'],
      hosts: ['shop.libertyretail.example'],
      teams: ['Store Operations', 'E-commerce', 'Finance'],
      people: ['Jessica Miller', 'Ray Thompson', 'Angela Price'],
    },
  },
  {
    key: 'lotus',
    name: 'Lotus Pharma Ltd',
    tier: 'gold',
    timeZone: IND,
    country: 'IN',
    city: 'Mumbai',
    industry: 'Pharmaceuticals',
    emailDomain: 'lotuspharma.example',
    holidayRule: 'IN-MH',
    supportHours: { coverage: 'business', days: WEEKDAYS, start: '09:30', end: '18:30' },
    office: hours(WEEKDAYS, '09:30', '18:30'),
    serviceManager: SERVICE_MANAGERS.priya,
    engineers: [ENGINEERS.arjun, ENGINEERS.kavya],
    contacts: [
      { slug: 'ananya.desai', name: 'Ananya Desai', role: 'Head of IT', locale: 'en-IN' },
      { slug: 'rohan.kulkarni', name: 'Rohan Kulkarni', role: 'QA systems lead', locale: 'en-IN' },
    ],
    projects: [
      {
        id: '10006', key: 'LOT', name: 'Lotus Pharma IT Services', share: 1, typeMix: SERVICE_DESK_MIX,
        components: ['LIMS', 'ERP', 'Workplace', 'Network', 'Compliance'],
      },
    ],
    volume: 15,
    contract: {
      includedHoursPerMonth: 60, currency: 'INR', hourlyRate: 4500, rounding: { mode: 'up', minutes: 15 },
      nonBillableLabels: NON_BILLABLE, slaTargets: TIER_SLA_TARGETS.gold,
    },
    vocabulary: {
      sites: ['Mumbai head office', 'Pune plant', 'Thane QC lab'],
      apps: ['LIMS', 'ERP', 'document management system', 'Outlook', 'Teams'],
      servers: ['mum-lims-01', 'mum-sql-02', 'pun-fs-01'],
      hosts: ['qms.lotuspharma.example'],
      teams: ['Quality Control', 'Regulatory Affairs', 'Production'],
      people: ['Neha Joshi', 'Sanjay Patil', 'Pooja Shah', 'Amit Deshmukh'],
    },
  },
  {
    key: 'saffron',
    name: 'Saffron Telecom Pvt Ltd',
    tier: 'silver',
    timeZone: IND,
    country: 'IN',
    city: 'Bengaluru',
    industry: 'Telecommunications',
    emailDomain: 'saffrontel.example',
    holidayRule: 'IN-KA',
    // A six-day week, as many Indian companies work.
    supportHours: { coverage: 'business', days: [1, 2, 3, 4, 5, 6], start: '09:00', end: '18:00' },
    office: hours([1, 2, 3, 4, 5, 6], '09:00', '18:00'),
    serviceManager: SERVICE_MANAGERS.priya,
    engineers: [ENGINEERS.kavya, ENGINEERS.arjun],
    contacts: [
      { slug: 'vikram.reddy', name: 'Vikram Reddy', role: 'CTO', locale: 'en-IN' },
      { slug: 'lakshmi.narayanan', name: 'Lakshmi Narayanan', role: 'IT coordinator', locale: 'en-IN' },
    ],
    projects: [
      {
        id: '10007', key: 'SAF', name: 'Saffron Telecom Managed IT', share: 1, typeMix: SERVICE_DESK_MIX,
        components: ['Billing platform', 'CRM', 'Network', 'Cloud', 'Workplace'],
      },
    ],
    volume: 14,
    contract: {
      includedHoursPerMonth: 25, currency: 'INR', hourlyRate: 3800, rounding: { mode: 'nearest', minutes: 15 },
      nonBillableLabels: NON_BILLABLE, slaTargets: TIER_SLA_TARGETS.silver,
    },
    vocabulary: {
      sites: ['Bengaluru HQ', 'Hyderabad NOC', 'Chennai office'],
      apps: ['billing platform', 'CRM', 'self-care app', 'Outlook', 'Kubernetes cluster'],
      servers: ['blr-bill-01', 'blr-k8s-node-07', 'hyd-db-03'],
      hosts: ['api.saffrontel.example', 'selfcare.saffrontel.example'],
      teams: ['Billing Ops', 'Customer Care', 'Network Operations'],
      people: ['Ravi Kumar', 'Divya Nair', 'Suresh Babu', 'Meera Pillai'],
    },
  },
];

export function contactAccountId(customer: CustomerSpec, contact: ContactSpec): string {
  return `qm:${customer.key}:${contact.slug}`;
}

export function contactEmail(customer: CustomerSpec, contact: ContactSpec): string {
  return `${contact.slug}@${customer.emailDomain}`;
}

/** One person per role for the host page's user switcher, so permissions can be compared. */
export const SWITCHER_ACCOUNT_IDS: string[] = [
  SERVICE_MANAGERS.sofia.accountId,
  ENGINEERS.lukas.accountId,
  'qm:alpenbank:reto.huber',
  ADMIN.accountId,
];
