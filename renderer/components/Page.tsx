import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    maxWidth: '680px',
    minHeight: '100%',
    boxSizing: 'border-box',
  },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, flexGrow: 1 },
  footer: {
    position: 'sticky',
    bottom: 0,
    backgroundColor: tokens.colorNeutralBackground1,
    paddingBottom: tokens.spacingVerticalL,
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    justifyContent: 'flex-end',
    alignItems: 'center',
    paddingTop: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  footerStart: { marginRight: 'auto', display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

/** One wizard page: its content, then a footer with the page's way back (start) and forward (end). */
export function Page({ children, footer, footerStart }: { children: ReactNode; footer?: ReactNode; footerStart?: ReactNode }) {
  const styles = useStyles();
  return (
    <section className={styles.page}>
      <div className={styles.content}>{children}</div>
      {footer || footerStart ? (
        <div className={styles.footer}>
          {footerStart ? <div className={styles.footerStart}>{footerStart}</div> : null}
          {footer}
        </div>
      ) : null}
    </section>
  );
}
