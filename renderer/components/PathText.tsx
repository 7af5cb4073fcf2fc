import { makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  path: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: 'anywhere',
    userSelect: 'text',
  },
});

/** File paths, registry keys and commands: monospace and exact, so they can be copied. */
export function PathText({ children }: { children: string }) {
  return <code className={useStyles().path}>{children}</code>;
}
