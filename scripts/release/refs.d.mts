// Types of refs.mjs, for the tests that read the docs as the release scripts do.
export function packageVersion(root: string, dir: string): string;
export function actionTags(root: string): { exact: string; major: string };
export const PRE_COMMIT_REV: RegExp;
export const ACTION_USES: RegExp;
export function docFiles(root: string): string[];
