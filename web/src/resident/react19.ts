import { unstableSetRender } from 'antd-mobile';
import { createRoot, type Root } from 'react-dom/client';

/**
 * antd-mobile v5 renders its imperative pop-ups (Toast.show, Dialog.confirm, ActionSheet.show) with
 * ReactDOM.render, which React 19 removed; without this adapter they throw "d is not a function" and
 * never open. This is the adapter antd-mobile documents for React 19 (guide "v5-for-19"): one root per
 * pop-up container, unmounted a tick after the pop-up closes so its exit animation can finish.
 */
type Container = (Element | DocumentFragment) & { _gzReactRoot?: Root };

unstableSetRender((node, container: Container) => {
  container._gzReactRoot ??= createRoot(container);
  const root = container._gzReactRoot;
  root.render(node);
  return async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    root.unmount();
    delete container._gzReactRoot;
  };
});
