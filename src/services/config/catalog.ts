// Use case: Jira's names the admin page offers in its pickers, read as the admin.
import type { JiraCatalog } from '../../contract/admin';
import type { JiraGateway } from '../../jira/gateway';

export async function loadJiraCatalog(jira: JiraGateway): Promise<JiraCatalog> {
  const [projects, priorities, statuses, issueTypes, groups, users] = await Promise.all([
    jira.listProjects(),
    jira.listPriorities(),
    jira.listStatuses(),
    jira.listIssueTypes(),
    jira.listGroups(),
    jira.listStaffUsers(),
  ]);
  return {
    projects,
    priorities,
    statuses: statuses.map((s) => ({ name: s.name, category: s.category })),
    issueTypes,
    groups,
    users: users.sort((a, b) => a.displayName.localeCompare(b.displayName)),
  };
}
