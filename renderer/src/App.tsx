/** The root: Fluent theme following the OS light/dark setting, live, around the app frame. */
import {
  FluentProvider,
  makeStaticStyles,
  makeStyles,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { AppFrame } from './components/AppFrame.tsx';
import { usePrefersDark } from './hooks/use-color-scheme.ts';

const useGlobalStyles = makeStaticStyles({
  'html, body, #root': { height: '100%', margin: 0 },
});

const useStyles = makeStyles({
  provider: { height: '100%' },
});

export function App() {
  useGlobalStyles();
  const styles = useStyles();
  const dark = usePrefersDark();
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} className={styles.provider}>
      <AppFrame />
    </FluentProvider>
  );
}
