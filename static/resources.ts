// The Custom UI resources: one Vite entry folder each, built to static/dist/<key>/ (manifest.yml `resources`).
export const RESOURCES = ['issue-panel', 'admin-page', 'board'] as const;
