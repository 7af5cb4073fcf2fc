import { makeStyles } from '@fluentui/react-components';

/** Heard, not seen: the one-pixel box screen readers still read (the layout check leaves it out). */
export const useVisuallyHidden = makeStyles({
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
});
