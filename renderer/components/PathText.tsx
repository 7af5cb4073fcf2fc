import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  path: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: 'anywhere',
    userSelect: 'text',
  },
  // A browser may break a line after any hyphen: "-restore.reg" broke into "-" and "restore.reg".
  whole: { whiteSpace: 'nowrap', overflowWrap: 'normal' },
});

/**
 * File paths, registry keys and commands: monospace and exact, so they can be copied. A long
 * path wraps anywhere to fit the window; a short `whole` name (a file's suffix) never wraps.
 */
export function PathText({ children, whole = false }: { children: string; whole?: boolean }) {
  const styles = useStyles();
  return <code className={mergeClasses(styles.path, whole && styles.whole)}>{children}</code>;
}
