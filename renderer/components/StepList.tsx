import { makeStyles, mergeClasses, tokens, typographyStyles } from '@fluentui/react-components';
import { STEPS, type View } from '../wizard/types';
import { useVisuallyHidden } from './visually-hidden';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  item: {
    ...typographyStyles.body1,
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground2,
  },
  current: {
    ...typographyStyles.body1Strong,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorSubtleBackgroundSelected,
  },
  marker: {
    ...typographyStyles.caption1Strong,
    flexShrink: 0,
    width: '24px',
    height: '24px',
    borderRadius: tokens.borderRadiusCircular,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    color: tokens.colorNeutralForeground2,
  },
  markerCurrent: {
    backgroundColor: tokens.colorBrandBackground,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandBackground}`,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  markerDone: {
    backgroundColor: tokens.colorNeutralBackground3,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    color: tokens.colorBrandForeground1,
  },
  aside: { marginTop: tokens.spacingVerticalL, marginBottom: 0 },
});

/** Where the user is in the wizard. It only shows progress: each page has its own Back and Next. */
export function StepList({ view }: { view: View }) {
  const styles = useStyles();
  const hidden = useVisuallyHidden().hidden;
  const at = STEPS.findIndex((step) => step.view === view);
  return (
    <nav aria-label="Steps">
      <ol className={styles.list}>
        {STEPS.map((step, index) => {
          const current = index === at;
          const done = at >= 0 && index < at;
          return (
            <li
              key={step.view}
              aria-current={current ? 'step' : undefined}
              className={mergeClasses(styles.item, current && styles.current)}
            >
              <span
                aria-hidden
                className={mergeClasses(styles.marker, current && styles.markerCurrent, done && styles.markerDone)}
              >
                {done ? '✓' : index + 1}
              </span>
              <span>
                {step.label}
                {done ? <span className={hidden}> (done)</span> : null}
              </span>
            </li>
          );
        })}
      </ol>
      {/* Undo and export are not steps of the walk, but they are where the user is: say so in the same place. */}
      {view === 'undo' || view === 'export' ? (
        <p aria-current="page" className={mergeClasses(styles.item, styles.current, styles.aside)}>
          {view === 'undo' ? 'Undo changes' : 'Use on other servers'}
        </p>
      ) : null}
    </nav>
  );
}
