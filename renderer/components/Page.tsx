import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { Busy } from './Busy';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    maxWidth: '680px',
    minHeight: '100%',
    boxSizing: 'border-box',
  },
  // Room below the last row, so the sticky footer never covers it when scrolled to the end.
  content: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    flexGrow: 1,
    paddingBottom: tokens.spacingVerticalXXL,
  },
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

interface Props {
  children: ReactNode;
  /** The page's way forward, at the end of the footer. */
  footer?: ReactNode;
  /** The page's way back, at the start of the footer. */
  footerStart?: ReactNode;
  /** What the page is doing right now, said beside its buttons; null when idle. */
  busy?: string | null;
}

/** One wizard page: its content, then a footer with the way back, what is running, and the way forward. */
export function Page({ children, footer, footerStart, busy }: Props) {
  const styles = useStyles();
  return (
    <section className={styles.page}>
      <div className={styles.content}>{children}</div>
      {footer || footerStart || busy ? (
        <div className={styles.footer}>
          {footerStart ? <div className={styles.footerStart}>{footerStart}</div> : null}
          {busy ? <Busy label={busy} /> : null}
          {footer}
        </div>
      ) : null}
    </section>
  );
}
