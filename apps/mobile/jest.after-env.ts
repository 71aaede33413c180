import { disposeRenderedApps } from './src/testing/renderApp';

afterEach(() => {
  disposeRenderedApps();
});
