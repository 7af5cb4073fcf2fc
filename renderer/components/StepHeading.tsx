import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';

/** False for the first page the app shows, so opening the app does not jump focus around. */
export const FocusHeadingContext = createContext(false);

const useStyles = makeStyles({
  heading: {
    ...typographyStyles.title3,
    margin: 0,
    color: tokens.colorNeutralForeground1,
    ':focus:not(:focus-visible)': { outlineStyle: 'none' },
  },
});

/** Each page's one heading; it takes focus when the page opens so screen readers start there. */
export function StepHeading({ children }: { children: ReactNode }) {
  const styles = useStyles();
  const ref = useRef<HTMLHeadingElement>(null);
  const focus = useContext(FocusHeadingContext);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <h2 ref={ref} tabIndex={-1} className={styles.heading}>
      {children}
    </h2>
  );
}
