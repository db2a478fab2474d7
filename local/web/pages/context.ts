// What every page renderer gets: the request URL, who is signed in, Jira as that person, and the app's manifest.
import type { AppManifest, UiModule } from '../../forge/manifest';
import type { Viewer } from '../format';
import type { FrameSite, FrameUser } from '../frames';
import type { SafeHtml } from '../html';
import type { JiraAsUser } from '../jira-client';
import type { HostPerson } from '../session';

export interface PageRequest {
  url: URL;
  person: HostPerson;
  people: HostPerson[];
  jira: JiraAsUser;
  /** The signed-in person's Jira locale and time zone. */
  viewer: Viewer;
  frameUser: FrameUser;
  site: FrameSite;
  manifest: AppManifest;
  /** A module's title as the signed-in person reads it (`title: { i18n: key }` in their locale). */
  moduleTitle(module: UiModule): string;
  /** A manifest text (a page's title) as the signed-in person reads it. */
  manifestText(text: UiModule['title']): string;
}

export interface PageResult {
  status: number;
  title: string;
  body: SafeHtml;
  active: 'projects' | 'issues' | 'apps' | 'settings' | null;
  scripts?: string[];
  mainClass?: string;
}
