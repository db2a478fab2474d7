// Resolver names, who may call them, and their request/response types: the single contract between static/
// and src/resolvers/.
import type {
  AdminConfig,
  CalendarRecord,
  Contract,
  Customer,
  DeleteCustomerRequest,
  DeleteRecordRequest,
  Deleted,
  EmptyRequest,
  ImportConfigRequest,
  ImportSummary,
  JiraCatalog,
  Matching,
  PolicySimulation,
  PolicySummary,
  PolicyVersion,
  PolicyVersionsRequest,
  RuleFinding,
  SaveCalendarRequest,
  SaveContractRequest,
  SaveCustomerRequest,
  SaveMatchingRequest,
  SavePolicyRequest,
  SaveSettingsRequest,
  Settings,
  SimulatePolicyRequest,
  WithMeta,
} from './admin';
import type { Backup } from './config';
import type {
  BillingCloseRequest,
  BillingCustomerMonth,
  BillingCustomerRequest,
  BillingExportChunk,
  BillingExportChunkRequest,
  BillingExportStatus,
  BillingExportStatusRequest,
  BillingOverview,
  BillingOverviewRequest,
  BillingReopenRequest,
  BillingStartExportRequest,
  ClosureEvent,
} from './billing';
import type { BoardLane, BoardRequest, BoardView, MoveBoardItemRequest, UndoBoardMoveRequest } from './board';
import type { IssuePanelRequest, IssuePanelView } from './issue-panel';

/**
 * Who may call a resolver, checked on the server before its payload is read:
 * - `user`: any signed-in Jira user (the service then reads Jira as that user, so Jira's permissions apply);
 * - `billing`: Jira administrators and members of the billing groups set on the admin page;
 * - `admin`: Jira administrators only (global permission ADMINISTER).
 */
export type Access = 'user' | 'billing' | 'admin';

export interface ResolverContract {
  getIssuePanel: { access: 'user'; request: IssuePanelRequest; response: IssuePanelView };
  getBoard: { access: 'user'; request: BoardRequest; response: BoardView };
  moveBoardItem: { access: 'user'; request: MoveBoardItemRequest; response: BoardLane };
  undoBoardMove: { access: 'user'; request: UndoBoardMoveRequest; response: BoardLane };

  getAdminConfig: { access: 'admin'; request: EmptyRequest; response: AdminConfig };
  getJiraCatalog: { access: 'admin'; request: EmptyRequest; response: JiraCatalog };
  saveCustomer: { access: 'admin'; request: SaveCustomerRequest; response: WithMeta<Customer> };
  deleteCustomer: { access: 'admin'; request: DeleteCustomerRequest; response: Deleted };
  saveContract: { access: 'admin'; request: SaveContractRequest; response: WithMeta<Contract> };
  deleteContract: { access: 'admin'; request: DeleteRecordRequest; response: Deleted };
  saveCalendar: { access: 'admin'; request: SaveCalendarRequest; response: WithMeta<CalendarRecord> };
  deleteCalendar: { access: 'admin'; request: DeleteRecordRequest; response: Deleted };
  saveSlaPolicy: { access: 'admin'; request: SavePolicyRequest; response: PolicySummary };
  deleteSlaPolicy: { access: 'admin'; request: DeleteRecordRequest; response: Deleted };
  getSlaPolicyVersions: { access: 'admin'; request: PolicyVersionsRequest; response: PolicyVersion[] };
  simulateSlaPolicy: { access: 'admin'; request: SimulatePolicyRequest; response: PolicySimulation };
  saveSettings: { access: 'admin'; request: SaveSettingsRequest; response: WithMeta<Settings> };
  saveMatchingRules: { access: 'admin'; request: SaveMatchingRequest; response: WithMeta<Matching> & { findings: RuleFinding[] } };
  exportConfig: { access: 'admin'; request: EmptyRequest; response: Backup };
  importConfig: { access: 'admin'; request: ImportConfigRequest; response: ImportSummary };

  billingOverview: { access: 'billing'; request: BillingOverviewRequest; response: BillingOverview };
  billingCustomerMonth: { access: 'billing'; request: BillingCustomerRequest; response: BillingCustomerMonth };
  billingStartExport: { access: 'billing'; request: BillingStartExportRequest; response: BillingExportStatus };
  billingExportStatus: { access: 'billing'; request: BillingExportStatusRequest; response: BillingExportStatus };
  billingExportChunk: { access: 'billing'; request: BillingExportChunkRequest; response: BillingExportChunk };
  billingCloseMonth: { access: 'billing'; request: BillingCloseRequest; response: ClosureEvent };
  /** Reopening an invoiced month is an administrator's decision, recorded with its reason. */
  billingReopenMonth: { access: 'admin'; request: BillingReopenRequest; response: ClosureEvent };
}

export type ResolverName = keyof ResolverContract;
export type RequestOf<N extends ResolverName> = ResolverContract[N]['request'];
export type ResponseOf<N extends ResolverName> = ResolverContract[N]['response'];
export type AccessOf<N extends ResolverName> = ResolverContract[N]['access'];

/** Every resolver and its access, as data: the server checks it, tests call every one of them. */
export const RESOLVER_ACCESS: { [N in ResolverName]: AccessOf<N> } = {
  getIssuePanel: 'user',
  getBoard: 'user',
  moveBoardItem: 'user',
  undoBoardMove: 'user',
  getAdminConfig: 'admin',
  getJiraCatalog: 'admin',
  saveCustomer: 'admin',
  deleteCustomer: 'admin',
  saveContract: 'admin',
  deleteContract: 'admin',
  saveCalendar: 'admin',
  deleteCalendar: 'admin',
  saveSlaPolicy: 'admin',
  deleteSlaPolicy: 'admin',
  getSlaPolicyVersions: 'admin',
  simulateSlaPolicy: 'admin',
  saveSettings: 'admin',
  saveMatchingRules: 'admin',
  exportConfig: 'admin',
  importConfig: 'admin',
  billingOverview: 'billing',
  billingCustomerMonth: 'billing',
  billingStartExport: 'billing',
  billingExportStatus: 'billing',
  billingExportChunk: 'billing',
  billingCloseMonth: 'billing',
  billingReopenMonth: 'admin',
};
