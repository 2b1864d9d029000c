import { makeStyles } from '@material-ui/core';
import { PlinthMark } from './LogoIcon';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    alignItems: 'center',
    gap: 10,
    color: '#7df3e1',
    fontSize: 26,
    fontWeight: 700,
    letterSpacing: 0.5,
    whiteSpace: 'nowrap',
  },
  // The sidebar gives the logo link only the closed drawer's width; the word overflows
  // it, so the mark must not shrink.
  mark: {
    height: 28,
    width: 32,
    flexShrink: 0,
  },
});

export const LogoFull = () => {
  const classes = useStyles();
  return (
    <span className={classes.root}>
      <PlinthMark className={classes.mark} />
      Plinth
    </span>
  );
};
