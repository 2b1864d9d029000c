import { makeStyles } from '@material-ui/core';

const useStyles = makeStyles({
  svg: {
    width: 32,
    height: 28,
  },
  path: {
    fill: '#7df3e1',
  },
});

/** Plinth's mark: a pedestal of three courses, each wider than the one above. */
export const PlinthMark = (props: { className?: string; label?: string }) => {
  const classes = useStyles();
  // Named when it stands alone (the collapsed sidebar); decorative next to the word.
  const a11y = props.label
    ? { role: 'img', 'aria-label': props.label }
    : { 'aria-hidden': true };
  return (
    <svg
      className={props.className ?? classes.svg}
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 32 28"
      {...a11y}
    >
      <rect
        className={classes.path}
        x="10"
        y="0"
        width="12"
        height="8"
        rx="1"
      />
      <rect
        className={classes.path}
        x="5"
        y="10"
        width="22"
        height="7"
        rx="1"
      />
      <rect
        className={classes.path}
        x="0"
        y="19"
        width="32"
        height="9"
        rx="1"
      />
    </svg>
  );
};

export const LogoIcon = () => <PlinthMark label="Plinth" />;
